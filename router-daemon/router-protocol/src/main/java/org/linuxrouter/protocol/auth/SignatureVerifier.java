package org.linuxrouter.protocol.auth;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.linuxrouter.protocol.auth.Verification.Failure;

/**
 * Checks incoming requests (the daemon side), in this order: the three headers are present once each
 * and well-formed; the timestamp is within {@code maxSkew} of the clock (inclusive, default 300 s);
 * the HMAC matches (compared in constant time); and only then the nonce is claimed, so unsigned
 * junk cannot fill the {@link NonceCache}. Thread-safe.
 */
public final class SignatureVerifier {
  /** The allowed difference between the signer's and the verifier's clocks. */
  public static final Duration DEFAULT_MAX_SKEW = Duration.ofSeconds(300);

  /** How the verifier reads request headers; names are matched case-insensitively by the source. */
  public interface HeaderSource {
    /** All values sent for {@code name}; empty or null when absent. */
    List<String> values(String name);
  }

  private final RouterSecret secret;
  private final Clock clock;
  private final NonceCache nonces;
  private final long maxSkewSeconds;

  public SignatureVerifier(RouterSecret secret, Clock clock, NonceCache nonces, Duration maxSkew) {
    this.secret = Objects.requireNonNull(secret, "secret");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nonces = Objects.requireNonNull(nonces, "nonces");
    if (maxSkew.isNegative() || maxSkew.isZero()) {
      throw new IllegalArgumentException("maxSkew: expected a positive duration, got " + maxSkew);
    }
    this.maxSkewSeconds = maxSkew.getSeconds();
  }

  public SignatureVerifier(RouterSecret secret, Clock clock, NonceCache nonces) {
    this(secret, clock, nonces, DEFAULT_MAX_SKEW);
  }

  /** Verifies one request; {@code target} is the raw path plus {@code ?query} as received. */
  public Verification verify(String method, String target, HeaderSource headers, byte[] body) {
    String[] values = new String[3];
    String[] names = {SignatureHeaders.TIMESTAMP, SignatureHeaders.NONCE, SignatureHeaders.SIGNATURE};
    for (int i = 0; i < names.length; i++) {
      List<String> sent = headers.values(names[i]);
      if (sent == null || sent.size() != 1) {
        return Verification.fail(Failure.MISSING_HEADER, lower(names[i]) + ": expected exactly one value, got "
            + (sent == null ? 0 : sent.size()));
      }
      values[i] = sent.get(0);
    }
    return verify(method, target, values[0], values[1], values[2], body);
  }

  private Verification verify(String method, String target, String timestampText, String nonce, String signatureText,
      byte[] body) {
    if (!timestampText.matches("0|[1-9][0-9]{0,17}")) {
      return Verification.fail(Failure.MALFORMED_HEADER, "x-lr-timestamp: expected unix seconds, got "
          + shown(timestampText));
    }
    if (!CanonicalRequest.NONCE.matcher(nonce).matches()) {
      return Verification.fail(Failure.MALFORMED_HEADER, "x-lr-nonce: expected 16..64 base64url characters, got "
          + nonce.length() + " characters");
    }
    byte[] signature = Hex.decode(signatureText, 32);
    if (signature == null) {
      return Verification.fail(Failure.MALFORMED_HEADER, "x-lr-signature: expected 64 lower-case hex digits, got "
          + signatureText.length() + " characters");
    }
    long timestamp = Long.parseLong(timestampText);
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - timestamp) > maxSkewSeconds) {
      return Verification.fail(Failure.CLOCK_SKEW, "x-lr-timestamp: expected within " + maxSkewSeconds
          + " s of the router clock " + now + ", got " + timestamp + " (" + (timestamp - now) + " s)");
    }
    byte[] expected;
    try {
      expected = secret.newMac().doFinal(CanonicalRequest.bytes(method, target, timestamp, nonce, body));
    } catch (IllegalArgumentException e) {
      return Verification.fail(Failure.BAD_SIGNATURE, "request: expected a signable method and target, got "
          + e.getMessage());
    }
    if (!MessageDigest.isEqual(expected, signature)) {
      return Verification.fail(Failure.BAD_SIGNATURE, "x-lr-signature: expected hmac-sha256 of the canonical"
          + " request under this router's secret, got a different value");
    }
    return claim(nonce, timestamp, now);
  }

  private Verification claim(String nonce, long timestamp, long now) {
    // Kept until the timestamp itself would be refused as too old; the +1 covers the inclusive edge.
    switch (nonces.claim(nonce, timestamp + maxSkewSeconds + 1, now)) {
      case REPLAYED:
        return Verification.fail(Failure.REPLAYED_NONCE, "x-lr-nonce: expected a nonce not used in the last "
            + maxSkewSeconds + " s, got one already seen");
      case FULL:
        return Verification.fail(Failure.NONCE_CACHE_FULL, "x-lr-nonce: expected room in the replay cache, got"
            + " a full cache (too many requests in one window)");
      default:
        return Verification.ok();
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(java.util.Locale.ROOT);
  }

  private static String shown(String text) {
    return text.length() > 20 ? text.length() + " characters" : "\"" + text.replaceAll("[^\\x20-\\x7e]", "?") + "\"";
  }
}
