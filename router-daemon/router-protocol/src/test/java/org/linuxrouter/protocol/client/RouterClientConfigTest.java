package org.linuxrouter.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.linuxrouter.protocol.auth.RouterSecret;

/** Client settings are checked when built, and the backoff schedule is what the docs say. */
class RouterClientConfigTest {
  private static final String PIN = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01"
      + ":23:45:67:89";

  private static RouterClientConfig.Builder valid() {
    return RouterClientConfig.builder().baseUrl(URI.create("https://10.0.0.1:8443")).secret(RouterSecret.generate())
        .pin(CertificateFingerprint.parse(PIN));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://10.0.0.1:8443", "https://10.0.0.1:8443/v1", "https://u:p@10.0.0.1:8443",
      "https://10.0.0.1:8443?x=1", "https:///x"})
  void baseUrlMustBeAnHttpsOrigin(String url) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> valid().baseUrl(URI.create(url)).build());
    assertEquals(true, e.getMessage().startsWith("baseUrl: expected https://host[:port] with no path"), e.getMessage());
    assertEquals(false, e.getMessage().contains("u:p"));
  }

  @Test
  void trailingSlashIsDropped() {
    assertEquals(URI.create("https://[fd00::1]:8443"), valid().baseUrl(URI.create("https://[fd00::1]:8443/")).build()
        .baseUrl());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"0|maxAttempts: expected 1..10, got 0", "11|maxAttempts: expected 1..10, got 11"})
  void attemptsAreBounded(int attempts, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> valid().maxAttempts(attempts).build())
        .getMessage());
  }

  @Test
  void timeoutsMustBePositive() {
    assertEquals("requestTimeout: expected PT0.001S..PT10M, got PT0S", assertThrows(IllegalArgumentException.class,
        () -> valid().requestTimeout(Duration.ZERO).build()).getMessage());
  }

  @Test
  void backoffDoublesUpToTheCap() {
    RouterClientConfig config = valid().initialBackoff(Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(1)).build();
    assertEquals(Duration.ofMillis(200), config.backoff(1));
    assertEquals(Duration.ofMillis(400), config.backoff(2));
    assertEquals(Duration.ofMillis(800), config.backoff(3));
    assertEquals(Duration.ofSeconds(1), config.backoff(4));
    assertEquals(Duration.ofSeconds(1), config.backoff(9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"AB:CD", "zz", "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67"})
  void fingerprintMustBeSha256(String text) {
    assertEquals(true, assertThrows(IllegalArgumentException.class, () -> CertificateFingerprint.parse(text))
        .getMessage().startsWith("fingerprint: expected sha-256 as 32 colon-separated hex pairs or 64 hex digits"));
  }

  @Test
  void fingerprintPrintsLikeOpenssl() {
    assertEquals(PIN, CertificateFingerprint.parse(PIN.replace(":", "").toLowerCase()).toString());
  }
}
