package org.linuxrouter.protocol.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * The exact text both ends sign: {@code METHOD\nTARGET\nTIMESTAMP\nNONCE\nhex(SHA-256(body))}.
 * TARGET is the request target as sent, still percent-encoded: the raw path plus {@code ?query} when
 * there is one (e.g. {@code /v1/networks/3f25...}). An empty body hashes like any other (e3b0c442...).
 * Inputs are checked so that no field can smuggle a newline into the next one.
 */
public final class CanonicalRequest {
  private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");
  private static final Pattern TARGET = Pattern.compile("/[\\x21-\\x7e]{0,2047}");
  static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

  private CanonicalRequest() {
  }

  /** The canonical text; throws {@link IllegalArgumentException} naming the bad part. */
  public static String of(String method, String target, long timestamp, String nonce, byte[] body) {
    if (method == null || !METHOD.matcher(method).matches()) {
      throw new IllegalArgumentException("method: expected an upper-case http method, got " + method);
    }
    if (target == null || !TARGET.matcher(target).matches()) {
      throw new IllegalArgumentException("target: expected an origin-form request target (/path[?query],"
          + " printable ascii, at most 2048 characters), got " + (target == null ? "none" : "another form"));
    }
    if (timestamp < 0) {
      throw new IllegalArgumentException("timestamp: expected unix seconds >= 0, got " + timestamp);
    }
    if (nonce == null || !NONCE.matcher(nonce).matches()) {
      throw new IllegalArgumentException("nonce: expected 16..64 base64url characters, got "
          + (nonce == null ? "none" : nonce.length() + " characters"));
    }
    return method + "\n" + target + "\n" + timestamp + "\n" + nonce + "\n" + sha256Hex(body == null ? new byte[0] : body);
  }

  static byte[] bytes(String method, String target, long timestamp, String nonce, byte[] body) {
    return of(method, target, timestamp, nonce, body).getBytes(StandardCharsets.UTF_8);
  }

  static String sha256Hex(byte[] body) {
    try {
      return Hex.encode(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("sha-256: expected the jdk to provide it, got none", e);
    }
  }
}
