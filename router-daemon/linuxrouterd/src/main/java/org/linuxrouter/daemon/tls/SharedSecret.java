package org.linuxrouter.daemon.tls;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The secret CloudStack and this router share for request signing, exactly as written in the secret file
 * (without the trailing newline). {@link #toString()} never shows it, so it cannot leak into a log line.
 */
public record SharedSecret(String value) {
  /** Shorter secrets are refused: 32 characters of base64url carry 192 bits, the least we accept. */
  public static final int MIN_LENGTH = 32;
  public static final int MAX_LENGTH = 1024;

  public SharedSecret {
    Objects.requireNonNull(value, "value");
    if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("secret: expected " + MIN_LENGTH + ".." + MAX_LENGTH
          + " characters, got " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException("secret: expected printable ASCII without spaces, got character "
            + (int) c + " at index " + i);
      }
    }
  }

  /** The secret's ASCII bytes, e.g. as an HMAC key. */
  public byte[] bytes() {
    return value.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return "SharedSecret[redacted, " + value.length() + " characters]";
  }
}
