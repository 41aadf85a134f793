package org.linuxrouter.protocol.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.linuxrouter.protocol.auth.RouterSecret;

/**
 * How to reach one router: its {@code https://host:port} base URL, the shared secret, the pinned
 * certificate fingerprint, timeouts and the retry budget. Defaults: connect timeout 5 s, request
 * timeout 30 s, 3 attempts, backoff 200 ms doubling up to 2 s. {@link #toString()} omits the secret.
 */
public final class RouterClientConfig {
  private final URI baseUrl;
  private final RouterSecret secret;
  private final CertificateFingerprint pin;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;

  private RouterClientConfig(Builder builder) {
    this.baseUrl = baseUrl(builder.baseUrl);
    this.secret = Objects.requireNonNull(builder.secret, "secret: expected a router secret, got none");
    this.pin = Objects.requireNonNull(builder.pin, "pin: expected a certificate fingerprint, got none");
    this.connectTimeout = duration("connectTimeout", builder.connectTimeout, Duration.ofMillis(1), Duration.ofMinutes(5));
    this.requestTimeout = duration("requestTimeout", builder.requestTimeout, Duration.ofMillis(1), Duration.ofMinutes(10));
    if (builder.maxAttempts < 1 || builder.maxAttempts > 10) {
      throw new IllegalArgumentException("maxAttempts: expected 1..10, got " + builder.maxAttempts);
    }
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = duration("initialBackoff", builder.initialBackoff, Duration.ZERO, Duration.ofMinutes(1));
    this.maxBackoff = duration("maxBackoff", builder.maxBackoff, initialBackoff, Duration.ofMinutes(5));
  }

  private static URI baseUrl(URI url) {
    if (url == null) {
      throw new IllegalArgumentException("baseUrl: expected https://host:port, got none");
    }
    boolean originOnly = (url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/"))
        && url.getRawQuery() == null && url.getRawFragment() == null && url.getRawUserInfo() == null;
    if (!"https".equals(url.getScheme()) || url.getHost() == null || !originOnly) {
      throw new IllegalArgumentException("baseUrl: expected https://host[:port] with no path, query or user info,"
          + " got " + url.getScheme() + "://" + url.getHost() + " with other parts");
    }
    return URI.create("https://" + url.getRawAuthority());
  }

  private static Duration duration(String field, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(field + ": expected " + min + ".." + max + ", got " + value);
    }
    return value;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder newBuilder() {
    return new Builder(this);
  }

  /** {@code https://host:port}, without a trailing slash. */
  public URI baseUrl() {
    return baseUrl;
  }

  public RouterSecret secret() {
    return secret;
  }

  public CertificateFingerprint pin() {
    return pin;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Per attempt, from sending the request until the response headers arrive. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** Attempts per call, including the first; retries only happen for retryable failures. */
  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The wait before retry number {@code retry} (1-based): doubling from the initial, capped. */
  Duration backoff(int retry) {
    Duration wait = initialBackoff;
    for (int i = 1; i < retry && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }

  @Override
  public String toString() {
    return "RouterClientConfig{baseUrl=" + baseUrl + ", pin=" + pin + ", connectTimeout=" + connectTimeout
        + ", requestTimeout=" + requestTimeout + ", maxAttempts=" + maxAttempts + ", backoff=" + initialBackoff
        + ".." + maxBackoff + ", secret=redacted}";
  }

  /** Collects settings; {@link #build()} validates them. */
  public static final class Builder {
    private URI baseUrl;
    private RouterSecret secret;
    private CertificateFingerprint pin;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(2);

    private Builder() {
    }

    private Builder(RouterClientConfig config) {
      this.baseUrl = config.baseUrl;
      this.secret = config.secret;
      this.pin = config.pin;
      this.connectTimeout = config.connectTimeout;
      this.requestTimeout = config.requestTimeout;
      this.maxAttempts = config.maxAttempts;
      this.initialBackoff = config.initialBackoff;
      this.maxBackoff = config.maxBackoff;
    }

    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder secret(RouterSecret secret) {
      this.secret = secret;
      return this;
    }

    public Builder pin(CertificateFingerprint pin) {
      this.pin = pin;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
      return this;
    }

    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
      return this;
    }

    public RouterClientConfig build() {
      return new RouterClientConfig(this);
    }
  }
}
