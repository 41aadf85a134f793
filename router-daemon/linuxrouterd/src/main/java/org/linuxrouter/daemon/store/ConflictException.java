package org.linuxrouter.daemon.store;

/**
 * A change would make two NICs claim the same thing: a public address (one /32 route can lead to one NIC only,
 * anywhere on this router) or a MAC within one network. The API answers it with 409 Conflict.
 */
public final class ConflictException extends IllegalArgumentException {
  private final String field;

  public ConflictException(String message) {
    this(null, message);
  }

  /** A conflict over one field of the request ({@code mac}, {@code ipv4}, ...), which the 409 names. */
  public ConflictException(String field, String message) {
    super(message);
    this.field = field;
  }

  public java.util.Optional<String> field() {
    return java.util.Optional.ofNullable(field);
  }
}
