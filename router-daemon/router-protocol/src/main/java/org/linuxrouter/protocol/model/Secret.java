package org.linuxrouter.protocol.model;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * A value that must not leave the router once given to it: a NIC's one-time password or its user data.
 * {@link #toString()} never shows it, so a secret cannot leak through a log line or an error message.
 * The daemon answers a GET with {@link #REDACTED} in its place (the wire says {@code "passwordSet": true});
 * only the state file (mode 0600) and the guest it is for ever see {@link #reveal()}.
 */
public final class Secret {
  /** Stands for a secret the router holds but does not show. */
  public static final Secret REDACTED = new Secret(null);

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps {@code value} unchecked; the owner (e.g. {@link NicSpec}) validates it without quoting it. */
  public static Secret of(String value) {
    if (value == null) {
      throw new IllegalArgumentException("secret: expected a value, got none");
    }
    return new Secret(value);
  }

  public boolean isRedacted() {
    return value == null;
  }

  /** The value itself; for redacted copies there is none. */
  public String reveal() {
    if (value == null) {
      throw new IllegalStateException("secret: this copy is redacted and holds no value");
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Secret)) {
      return false;
    }
    String that = ((Secret) other).value;
    if (value == null || that == null) {
      return value == that;
    }
    // constant time, so response timing of an idempotent PUT says nothing about the stored value
    return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), that.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value == null ? 0 : value.length();
  }

  @Override
  public String toString() {
    return "(secret)";
  }
}
