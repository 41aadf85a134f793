package org.linuxrouter.daemon.tls;

import java.nio.file.Path;

/** The keystore or the secret file cannot be created or used; the message names the file. */
public final class IdentityException extends RuntimeException {
  private final transient Path file;

  public IdentityException(Path file, String message) {
    super(file + ": " + message);
    this.file = file;
  }

  public IdentityException(Path file, String message, Throwable cause) {
    super(file + ": " + message, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
