package org.linuxrouter.protocol.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * The verifier's verdict. On failure, {@link #failure()} says which check failed and {@link #detail()}
 * explains it in words safe to send back in a 401 (never secret material, never the expected signature).
 */
public final class Verification {
  /** Why a request was refused. */
  public enum Failure {
    /** A signing header is absent (or sent more than once). */
    MISSING_HEADER,
    /** A signing header does not have its documented form. */
    MALFORMED_HEADER,
    /** The timestamp is outside the allowed clock skew. */
    CLOCK_SKEW,
    /** The nonce was already used inside the window. */
    REPLAYED_NONCE,
    /** The nonce cache is full: too many requests inside one window (answer 503, not 401). */
    NONCE_CACHE_FULL,
    /** The signature does not match the request. */
    BAD_SIGNATURE
  }

  private static final Verification OK = new Verification(null, "signature valid");

  private final Failure failure;
  private final String detail;

  private Verification(Failure failure, String detail) {
    this.failure = failure;
    this.detail = detail;
  }

  static Verification ok() {
    return OK;
  }

  static Verification fail(Failure failure, String detail) {
    return new Verification(Objects.requireNonNull(failure), detail);
  }

  public boolean isValid() {
    return failure == null;
  }

  /** Empty when valid. */
  public Optional<Failure> failure() {
    return Optional.ofNullable(failure);
  }

  /** A lower-case explanation, e.g. {@code "x-lr-timestamp: expected within 300 s of ..., got ..."}. */
  public String detail() {
    return detail;
  }

  @Override
  public String toString() {
    return isValid() ? "Verification{valid}" : "Verification{" + failure + ": " + detail + "}";
  }
}
