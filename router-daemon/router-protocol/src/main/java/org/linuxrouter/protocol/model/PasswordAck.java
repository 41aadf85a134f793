package org.linuxrouter.protocol.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The body of {@code PUT /v1/networks/{uuid}/nics/{nicUuid}/password-ack}: one router of a pair tells the other
 * that a guest acknowledged its password ({@code DomU_Request: saved_password}), so the other forgets it too. The
 * password travels as its SHA-256 only: the receiver forgets its copy only when it is the same password (not one
 * CloudStack set since), and the sender's outbox file never holds the password itself.
 */
public final class PasswordAck {
  private static final int HEX_LENGTH = 64;

  private final String sha256;

  private PasswordAck(String sha256) {
    this.sha256 = sha256;
  }

  /** The acknowledgement of {@code password}. */
  public static PasswordAck of(Secret password) {
    return new PasswordAck(Hexes.sha256(password.reveal()));
  }

  /** Parses 64 lower-case hex digits; errors name {@code field}. */
  public static PasswordAck parse(String field, String sha256) {
    Check.present(field, sha256);
    if (sha256.length() != HEX_LENGTH || !sha256.matches("[0-9a-f]+")) {
      throw new ValidationException(field, "expected the SHA-256 of the password as 64 lower-case hex digits, got "
          + (sha256.length() > 80 ? sha256.length() + " characters" : Check.quote(sha256)));
    }
    return new PasswordAck(sha256);
  }

  /** Lower-case hex SHA-256 of the password's UTF-8 bytes. */
  public String sha256() {
    return sha256;
  }

  /** Whether {@code password} is the acknowledged one; constant time, like every comparison of a secret. */
  public boolean matches(Secret password) {
    return MessageDigest.isEqual(sha256.getBytes(StandardCharsets.US_ASCII),
        Hexes.sha256(password.reveal()).getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PasswordAck && sha256.equals(((PasswordAck) other).sha256);
  }

  @Override
  public int hashCode() {
    return sha256.hashCode();
  }

  @Override
  public String toString() {
    return "PasswordAck{sha256=" + sha256.substring(0, 8) + "…}";
  }

  private static final class Hexes {
    static String sha256(String text) {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder(HEX_LENGTH);
        for (byte b : digest) {
          hex.append(String.format(Locale.ROOT, "%02x", b & 0xff));
        }
        return hex.toString();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("expected the JDK to provide SHA-256", e);
      }
    }
  }
}
