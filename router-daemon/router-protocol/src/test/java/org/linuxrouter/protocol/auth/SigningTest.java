package org.linuxrouter.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linuxrouter.protocol.auth.AuthFixtures.BODY;
import static org.linuxrouter.protocol.auth.AuthFixtures.NOW;
import static org.linuxrouter.protocol.auth.AuthFixtures.TARGET;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The canonical form and the signer, checked against values computed independently with openssl. */
class SigningTest {
  private static final String NONCE = "AAAAAAAAAAAAAAAAAAAAAA";

  @Test
  void canonicalFormIsFiveLinesWithTheBodyDigest() {
    assertEquals("PUT\n" + TARGET + "\n1767323045\n" + NONCE
        + "\n45b273a198030a612c482bb1daecaf0e2811f1ce009af3fe53a4143041502d47",
        CanonicalRequest.of("PUT", TARGET, NOW, NONCE, BODY));
    assertTrue(CanonicalRequest.of("GET", "/v1/networks?x=1", NOW, NONCE, new byte[0])
        .endsWith("\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  }

  /**
   * Expected value from: {@code printf 'PUT\n<target>\n1767323045\n<nonce>\n<body sha256>' |
   * openssl dgst -sha256 -mac HMAC -macopt hexkey:000102...1f}.
   */
  @Test
  void signatureMatchesOpensslHmac() {
    SignatureHeaders headers = new RequestSigner(AuthFixtures.secret()).sign("PUT", TARGET, BODY, NOW, NONCE);
    assertEquals("ab8f6c50b315414498b07cf32f0230ba0079178d706f1944df7901254b7996d2", headers.signature());
    assertEquals("1767323045", headers.asMap().get(SignatureHeaders.TIMESTAMP));
    assertEquals(NONCE, headers.asMap().get("X-LR-Nonce"));
  }

  @Test
  void signerUsesClockAndFreshNonces() {
    RequestSigner signer = new RequestSigner(AuthFixtures.secret(), AuthFixtures.clockAt(NOW), new SecureRandom());
    Set<String> nonces = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      SignatureHeaders headers = signer.sign("GET", "/v1/status", new byte[0]);
      assertEquals(NOW, headers.timestamp());
      assertEquals(22, headers.nonce().length());
      nonces.add(headers.nonce());
    }
    assertEquals(100, nonces.size());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "put|/v1/status|method: expected an upper-case http method, got put",
      "GET|v1/status|target: expected an origin-form request target (/path[?query], printable ascii, at most 2048"
          + " characters), got another form",
      "GET|/v1/sta tus|target: expected an origin-form request target (/path[?query], printable ascii, at most 2048"
          + " characters), got another form"})
  void canonicalFormRefusesAmbiguousParts(String method, String target, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class,
        () -> CanonicalRequest.of(method, target, NOW, NONCE, BODY)).getMessage());
  }

  @Test
  void canonicalFormRefusesNewlinesThatWouldShiftFields() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CanonicalRequest.of("GET", "/v1/status\n1767323045", NOW, NONCE, BODY));
    assertTrue(e.getMessage().startsWith("target: expected an origin-form request target"), e.getMessage());
  }

  @Test
  void secretIsRandomRedactedAndRoundTrips() {
    RouterSecret secret = RouterSecret.generate();
    assertEquals(43, secret.encoded().length());
    assertEquals(secret, RouterSecret.parse(secret.encoded()));
    assertNotEquals(secret, RouterSecret.generate());
    assertEquals("RouterSecret[redacted, 32 bytes]", secret.toString());
    assertFalse(secret.toString().contains(secret.encoded()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=|secret: expected only base64url characters [A-Za-z0-9_-]"
          + " without padding, got other characters",
      "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh+|secret: expected only base64url characters [A-Za-z0-9_-]"
          + " without padding, got other characters",
      "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh|secret: expected 32..256 bytes, got 31",
      "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8AA|secret: expected unpadded base64url, got a length of 45"
          + " characters that is not valid base64",
      "''|secret: expected unpadded base64url, got nothing"})
  void secretParsingNeverEchoesTheInput(String text, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RouterSecret.parse(text));
    assertEquals(message, e.getMessage());
    assertTrue(text.isEmpty() || !e.getMessage().contains(text.substring(0, 10)));
  }

  @Test
  void bodyBytesAreSignedExactly() {
    RequestSigner signer = new RequestSigner(AuthFixtures.secret());
    String a = signer.sign("PUT", TARGET, "{\"a\":1}".getBytes(StandardCharsets.UTF_8), NOW, NONCE).signature();
    String b = signer.sign("PUT", TARGET, "{\"a\": 1}".getBytes(StandardCharsets.UTF_8), NOW, NONCE).signature();
    assertNotEquals(a, b);
  }
}
