package org.linuxrouter.protocol.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The three signing headers of one request, and their names on the wire. */
public final class SignatureHeaders {
  /** Unix time in seconds when the request was signed, decimal, e.g. {@code 1767323045}. */
  public static final String TIMESTAMP = "X-LR-Timestamp";
  /** A single-use random value: 16..64 characters of base64url, e.g. 22 for 16 random bytes. */
  public static final String NONCE = "X-LR-Nonce";
  /** {@code hex(HMAC-SHA256(secret, canonical request))}: 64 lower-case hex digits. */
  public static final String SIGNATURE = "X-LR-Signature";

  private final long timestamp;
  private final String nonce;
  private final String signature;

  SignatureHeaders(long timestamp, String nonce, String signature) {
    this.timestamp = timestamp;
    this.nonce = nonce;
    this.signature = signature;
  }

  public long timestamp() {
    return timestamp;
  }

  public String nonce() {
    return nonce;
  }

  public String signature() {
    return signature;
  }

  /** Header name to value, in the order above, ready to add to a request. */
  public Map<String, String> asMap() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(TIMESTAMP, Long.toString(timestamp));
    headers.put(NONCE, nonce);
    headers.put(SIGNATURE, signature);
    return headers;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SignatureHeaders)) {
      return false;
    }
    SignatureHeaders that = (SignatureHeaders) other;
    return timestamp == that.timestamp && nonce.equals(that.nonce) && signature.equals(that.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timestamp, nonce, signature);
  }

  @Override
  public String toString() {
    return "SignatureHeaders{timestamp=" + timestamp + ", nonce=" + nonce + ", signature=" + signature + "}";
  }
}
