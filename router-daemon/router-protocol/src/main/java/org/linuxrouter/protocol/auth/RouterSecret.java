package org.linuxrouter.protocol.auth;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-router HMAC key: 32..256 random bytes, stored and configured as unpadded base64url
 * (43 characters for the default 32 bytes). {@link #toString()} is redacted so the secret cannot leak
 * through logs or exception messages; only {@link #encoded()} reveals it, for storage.
 */
public final class RouterSecret {
  public static final int MIN_BYTES = 32;
  public static final int MAX_BYTES = 256;
  static final String HMAC = "HmacSHA256";
  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

  private final byte[] key;

  private RouterSecret(byte[] key) {
    this.key = key;
  }

  /** A new secret of {@value #MIN_BYTES} bytes from {@code random}. */
  public static RouterSecret generate(SecureRandom random) {
    byte[] key = new byte[MIN_BYTES];
    random.nextBytes(key);
    return new RouterSecret(key);
  }

  /** A new secret from a fresh {@link SecureRandom}. */
  public static RouterSecret generate() {
    return generate(new SecureRandom());
  }

  /**
   * Parses the unpadded base64url form. Errors say what was wrong with the shape (alphabet, length)
   * but never echo the text, because a near-miss secret is still a secret.
   */
  public static RouterSecret parse(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      throw new IllegalArgumentException("secret: expected unpadded base64url, got nothing");
    }
    if (!BASE64URL.matcher(encoded).matches()) {
      throw new IllegalArgumentException("secret: expected only base64url characters [A-Za-z0-9_-] without"
          + " padding, got other characters");
    }
    byte[] key;
    try {
      key = Base64.getUrlDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("secret: expected unpadded base64url, got a length of "
          + encoded.length() + " characters that is not valid base64");
    }
    if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
      throw new IllegalArgumentException("secret: expected " + MIN_BYTES + ".." + MAX_BYTES + " bytes, got "
          + key.length);
    }
    return new RouterSecret(key);
  }

  /** The unpadded base64url form, for storing (encrypted) in CloudStack and the daemon config. */
  public String encoded() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  /** A fresh HMAC-SHA256 instance keyed with this secret ({@link Mac} is not thread-safe). */
  Mac newMac() {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("hmac: expected the jdk to provide " + HMAC + ", got " + e.getClass().getName(), e);
    }
  }

  /** Constant-time, so comparing secrets does not reveal how many leading bytes match. */
  @Override
  public boolean equals(Object other) {
    return other instanceof RouterSecret && MessageDigest.isEqual(((RouterSecret) other).key, key);
  }

  @Override
  public int hashCode() {
    return key.length;
  }

  @Override
  public String toString() {
    return "RouterSecret[redacted, " + key.length + " bytes]";
  }
}
