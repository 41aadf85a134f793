package org.linuxrouter.protocol.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs outgoing requests (the plugin side). Thread-safe: each call uses its own {@link javax.crypto.Mac}.
 * The nonce is 16 random bytes in base64url (22 characters); the timestamp comes from the injected
 * clock in Unix seconds.
 */
public final class RequestSigner {
  private static final int NONCE_BYTES = 16;

  private final RouterSecret secret;
  private final Clock clock;
  private final SecureRandom random;

  public RequestSigner(RouterSecret secret, Clock clock, SecureRandom random) {
    this.secret = Objects.requireNonNull(secret, "secret");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  public RequestSigner(RouterSecret secret) {
    this(secret, Clock.systemUTC(), new SecureRandom());
  }

  /**
   * The headers for one request. {@code target} is the raw path plus {@code ?query}, exactly as it will
   * be sent; {@code body} is the exact bytes sent (empty for none).
   */
  public SignatureHeaders sign(String method, String target, byte[] body) {
    byte[] nonceBytes = new byte[NONCE_BYTES];
    random.nextBytes(nonceBytes);
    String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
    return sign(method, target, body, clock.instant().getEpochSecond(), nonce);
  }

  /** Signs with a given timestamp and nonce: for tests and for interoperability checks. */
  public SignatureHeaders sign(String method, String target, byte[] body, long timestamp, String nonce) {
    byte[] canonical = CanonicalRequest.bytes(method, target, timestamp, nonce, body);
    return new SignatureHeaders(timestamp, nonce, Hex.encode(secret.newMac().doFinal(canonical)));
  }
}
