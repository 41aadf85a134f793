package org.linuxrouter.daemon.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.linuxrouter.daemon.store.AtomicFile;
import org.linuxrouter.daemon.store.StoreException;

/** Writes secrets: mode 0600 from the moment the file exists (never chmod after), atomically. */
final class OwnerOnlyFiles {
  static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");

  private OwnerOnlyFiles() {
  }

  /** Creates missing parent directories (mode 0700) and writes {@code content} with mode 0600. */
  static void write(Path file, byte[] content) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (!Files.isDirectory(parent)) {
        Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
      }
      new AtomicFile(file, FILE_MODE).write(content);
    } catch (IOException e) {
      throw new IdentityException(file, "cannot create the parent directory: " + e, e);
    } catch (StoreException e) {
      throw new IdentityException(file, "cannot write: " + e.getCause(), e);
    }
  }

  /** Refuses a file anyone but its owner and group can read or write: it holds a secret. */
  static void requireNotWorldAccessible(Path file) {
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
      if (mode.contains(PosixFilePermission.OTHERS_READ) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
        throw new IdentityException(file, "expected no access for others (e.g. mode 0600), got mode "
            + PosixFilePermissions.toString(mode) + "; fix with chmod 600 " + file);
      }
    } catch (IOException e) {
      throw new IdentityException(file, "cannot read the file mode: " + e, e);
    }
  }
}
