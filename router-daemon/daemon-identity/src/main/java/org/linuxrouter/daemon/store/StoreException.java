package org.linuxrouter.daemon.store;

import java.nio.file.Path;

/**
 * The store cannot do what was asked. Every message names the file involved, because the operator's fix is
 * always about a file: a full disk, wrong permissions, or a state file from a newer or broken daemon.
 */
public final class StoreException extends RuntimeException {
  private final transient Path file;

  public StoreException(Path file, String message) {
    super(file + ": " + message);
    this.file = file;
  }

  public StoreException(Path file, String message, Throwable cause) {
    super(file + ": " + message, cause);
    this.file = file;
  }

  /** The file the problem is about. */
  public Path file() {
    return file;
  }
}
