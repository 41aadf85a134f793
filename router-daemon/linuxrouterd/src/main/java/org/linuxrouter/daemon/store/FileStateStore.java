package org.linuxrouter.daemon.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The desired state as one JSON file, {@code state.json} in the state directory, replaced atomically on every
 * save. A file this daemon cannot read (corrupt, or from a newer daemon) stops the start with an error naming
 * it; it is never silently replaced, because an empty state would make the reconciler tear down every network.
 * Thread-safe: load and save are serialised.
 */
public final class FileStateStore implements StateStore {
  public static final String FILE_NAME = "state.json";

  private final AtomicFile file;
  private final StateFileFormat format = new StateFileFormat();

  /** A store in {@code stateDirectory} (created, mode 0700, if missing: systemd's StateDirectory= does too). */
  public FileStateStore(Path stateDirectory) {
    this.file = new AtomicFile(stateDirectory.resolve(FILE_NAME), PosixFilePermissions.fromString("rw-------"));
  }

  public Path path() {
    return file.path();
  }

  @Override
  public synchronized DesiredState load() {
    Optional<byte[]> bytes = file.read();
    if (bytes.isEmpty()) {
      return DesiredState.EMPTY;
    }
    try {
      return format.decode(utf8(bytes.get()));
    } catch (StateFileFormat.NewerSchemaException e) {
      throw new StoreException(path(), "expected schema version " + StateFileFormat.SCHEMA_VERSION
          + " or older, got " + e.version + ": it was written by a newer linuxrouterd; upgrade linuxrouterd or"
          + " restore a state file from this version", e);
    } catch (IllegalArgumentException e) {
      throw new StoreException(path(), "expected a linuxrouterd state file, got one that cannot be used: "
          + e.getMessage() + "; it is left untouched: repair it, or move it away to start with no networks", e);
    }
  }

  @Override
  public synchronized void save(DesiredState state) {
    Path directory = path().getParent();
    if (!Files.isDirectory(directory)) {
      try {
        Files.createDirectories(directory,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (IOException e) {
        throw new StoreException(path(), "cannot create the state directory: " + e, e);
      }
    }
    file.write(format.encode(state).getBytes(StandardCharsets.UTF_8));
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("state: expected UTF-8 text, got invalid bytes", e);
    }
  }
}
