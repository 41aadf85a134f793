package org.linuxrouter.daemon.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One file replaced as a whole or not at all. A write goes to a temporary file in the same directory, which is
 * fsynced, renamed over the target and followed by an fsync of the directory. Whenever the process or the
 * machine stops, the target is either the complete old content or the complete new content; what can be left
 * over is a temporary file, which {@link #read()} deletes.
 *
 * <p>Why each step: the temporary file must be in the same directory because rename(2) is atomic only
 * within one file system; the file fsync comes before the rename so the new name can never point at data that
 * is not on disk yet; the directory fsync makes the rename itself durable before the caller is told "saved".
 */
public final class AtomicFile {
  /** The steps of {@link #write}, in order; tests stop the process after each one to prove crash safety. */
  enum Step { TEMP_CREATED, TEMP_WRITTEN, TEMP_SYNCED, RENAMED, DIRECTORY_SYNCED }

  /** Called after each step; production code passes a no-op. */
  interface StepObserver {
    void reached(Step step);
  }

  private static final String TEMP_INFIX = ".tmp-";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path target;
  private final Set<PosixFilePermission> mode;
  private final StepObserver observer;

  /** A file at {@code target}, created with {@code mode} (e.g. {@code rw-------}) when written. */
  public AtomicFile(Path target, Set<PosixFilePermission> mode) {
    this(target, mode, step -> { });
  }

  AtomicFile(Path target, Set<PosixFilePermission> mode, StepObserver observer) {
    this.target = Objects.requireNonNull(target, "target").toAbsolutePath();
    this.mode = Set.copyOf(mode);
    this.observer = Objects.requireNonNull(observer, "observer");
    if (this.target.getParent() == null) {
      throw new IllegalArgumentException("atomic file: expected a path with a parent directory, got " + target);
    }
  }

  public Path path() {
    return target;
  }

  /** The current content, or empty when there is no file; leftover temporary files are deleted first. */
  public Optional<byte[]> read() {
    deleteStaleTemps();
    try {
      return Optional.of(Files.readAllBytes(target));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreException(target, "cannot read: " + e, e);
    }
  }

  /** Replaces the content with {@code content}; on return it is durable. */
  public void write(byte[] content) {
    Path temp = target.resolveSibling("." + target.getFileName() + TEMP_INFIX + randomSuffix());
    try {
      writeTemp(temp, content);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      observer.reached(Step.RENAMED);
      syncDirectory(target.getParent());
      observer.reached(Step.DIRECTORY_SYNCED);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new StoreException(target, "cannot write: " + e, e);
    }
  }

  /**
   * Deletes temporary files a stopped write left behind. They are never complete-and-renamed content, so
   * nothing is lost; keeping them would only let them pile up.
   */
  public void deleteStaleTemps() {
    String prefix = "." + target.getFileName() + TEMP_INFIX;
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(target.getParent(), prefix + "*")) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
      }
    } catch (NoSuchFileException e) {
      // no directory, so no temporary files either
    } catch (IOException e) {
      throw new StoreException(target, "cannot delete leftover temporary files: " + e, e);
    }
  }

  private void writeTemp(Path temp, byte[] content) throws IOException {
    try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(mode))) {
      observer.reached(Step.TEMP_CREATED);
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      observer.reached(Step.TEMP_WRITTEN);
      channel.force(true);
      observer.reached(Step.TEMP_SYNCED);
    }
  }

  private static void syncDirectory(Path directory) throws IOException {
    // Linux lets a directory be opened read-only and fsynced; that is what makes the rename durable.
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException suppressed) {
      // the write already failed and says so; the next read() removes the leftover
    }
  }

  private static String randomSuffix() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
