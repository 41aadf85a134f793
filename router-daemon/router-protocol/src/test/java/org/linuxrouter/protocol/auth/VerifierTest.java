package org.linuxrouter.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linuxrouter.protocol.auth.AuthFixtures.BODY;
import static org.linuxrouter.protocol.auth.AuthFixtures.NOW;
import static org.linuxrouter.protocol.auth.AuthFixtures.TARGET;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.linuxrouter.protocol.auth.Verification.Failure;

/** Signer and verifier together: the one way to pass and every way to fail. */
class VerifierTest {
  private final NonceCache nonces = new NonceCache(1000);
  private final SignatureVerifier verifier = new SignatureVerifier(AuthFixtures.secret(), AuthFixtures.clockAt(NOW),
      nonces);

  private static Map<String, String> signedAt(long timestamp, String method, String target, byte[] body) {
    RequestSigner signer = new RequestSigner(AuthFixtures.secret(), AuthFixtures.clockAt(timestamp), new SecureRandom());
    return new HashMap<>(signer.sign(method, target, body).asMap());
  }

  private Verification verify(String method, String target, Map<String, String> headers, byte[] body) {
    return verifier.verify(method, target, AuthFixtures.headers(headers), body);
  }

  @Test
  void acceptsASignedRequestOnceEvenWithLowerCaseHeaderNames() {
    Map<String, String> headers = new HashMap<>();
    signedAt(NOW, "PUT", TARGET, BODY).forEach((k, v) -> headers.put(k.toLowerCase(), v));
    Verification first = verify("PUT", TARGET, headers, BODY);
    assertTrue(first.isValid(), first.toString());
    assertEquals(Optional.empty(), first.failure());
    Verification replay = verify("PUT", TARGET, headers, BODY);
    assertEquals(Optional.of(Failure.REPLAYED_NONCE), replay.failure());
    assertEquals("x-lr-nonce: expected a nonce not used in the last 300 s, got one already seen", replay.detail());
  }

  @ParameterizedTest
  @CsvSource({"-300,true", "300,true", "-301,false", "301,false", "0,true", "-86400,false"})
  void clockSkewEdgesAreInclusiveAt300Seconds(long offset, boolean valid) {
    Verification result = verify("GET", "/v1/status", signedAt(NOW + offset, "GET", "/v1/status", new byte[0]),
        new byte[0]);
    assertEquals(valid, result.isValid(), result.toString());
    if (!valid) {
      assertEquals(Optional.of(Failure.CLOCK_SKEW), result.failure());
      assertEquals("x-lr-timestamp: expected within 300 s of the router clock " + NOW + ", got " + (NOW + offset)
          + " (" + offset + " s)", result.detail());
    }
  }

  @Test
  void tamperedPartsFailTheSignature() {
    Map<String, String> headers = signedAt(NOW, "PUT", TARGET, BODY);
    byte[] otherBody = "{\"uuid\":\"y\"}".getBytes(StandardCharsets.UTF_8);
    assertEquals(Optional.of(Failure.BAD_SIGNATURE), verify("PUT", TARGET, headers, otherBody).failure());
    assertEquals(Optional.of(Failure.BAD_SIGNATURE), verify("PUT", TARGET + "x", headers, BODY).failure());
    assertEquals(Optional.of(Failure.BAD_SIGNATURE), verify("PUT", TARGET + "?force=1", headers, BODY).failure());
    assertEquals(Optional.of(Failure.BAD_SIGNATURE), verify("DELETE", TARGET, headers, BODY).failure());
    assertEquals(Optional.of(Failure.BAD_SIGNATURE), verify("PUT", TARGET, headers, new byte[0]).failure());
    Map<String, String> otherNonce = new HashMap<>(headers);
    otherNonce.put(SignatureHeaders.NONCE, "BBBBBBBBBBBBBBBBBBBBBB");
    assertEquals(Optional.of(Failure.BAD_SIGNATURE), verify("PUT", TARGET, otherNonce, BODY).failure());
    Map<String, String> otherTime = new HashMap<>(headers);
    otherTime.put(SignatureHeaders.TIMESTAMP, Long.toString(NOW - 1));
    Verification result = verify("PUT", TARGET, otherTime, BODY);
    assertEquals(Optional.of(Failure.BAD_SIGNATURE), result.failure());
    assertEquals("x-lr-signature: expected hmac-sha256 of the canonical request under this router's secret, got a"
        + " different value", result.detail());
    assertTrue(verify("PUT", TARGET, headers, BODY).isValid(), "failed attempts must not burn the nonce");
  }

  @Test
  void anotherRoutersSecretFails() {
    RequestSigner other = new RequestSigner(RouterSecret.generate(), AuthFixtures.clockAt(NOW), new SecureRandom());
    Map<String, String> headers = other.sign("GET", "/v1/status", new byte[0]).asMap();
    assertEquals(Optional.of(Failure.BAD_SIGNATURE), verify("GET", "/v1/status", headers, new byte[0]).failure());
    assertEquals(0, nonces.size(NOW));
  }

  @ParameterizedTest
  @ValueSource(strings = {SignatureHeaders.TIMESTAMP, SignatureHeaders.NONCE, SignatureHeaders.SIGNATURE})
  void missingHeaderIsNamed(String name) {
    Map<String, String> headers = signedAt(NOW, "GET", "/v1/status", new byte[0]);
    headers.remove(name);
    Verification result = verify("GET", "/v1/status", headers, new byte[0]);
    assertEquals(Optional.of(Failure.MISSING_HEADER), result.failure());
    assertEquals(name.toLowerCase() + ": expected exactly one value, got 0", result.detail());
  }

  @Test
  void repeatedHeaderCountsAsMissing() {
    Map<String, String> headers = signedAt(NOW, "GET", "/v1/status", new byte[0]);
    headers.put("x-lr-nonce", "CCCCCCCCCCCCCCCCCCCCCC");
    Verification result = verify("GET", "/v1/status", headers, new byte[0]);
    assertEquals(Optional.of(Failure.MISSING_HEADER), result.failure());
    assertEquals("x-lr-nonce: expected exactly one value, got 2", result.detail());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "X-LR-Timestamp|+1767323045|x-lr-timestamp: expected unix seconds, got \"+1767323045\"",
      "X-LR-Timestamp|1767323045.5|x-lr-timestamp: expected unix seconds, got \"1767323045.5\"",
      "X-LR-Timestamp|99999999999999999999999|x-lr-timestamp: expected unix seconds, got 23 characters",
      "X-LR-Nonce|short|x-lr-nonce: expected 16..64 base64url characters, got 5 characters",
      "X-LR-Nonce|AAAAAAAAAAAAAAAAAAAAA=|x-lr-nonce: expected 16..64 base64url characters, got 22 characters",
      "X-LR-Signature|AB8F6C50B315414498B07CF32F0230BA0079178D706F1944DF7901254B7996D2|x-lr-signature: expected 64"
          + " lower-case hex digits, got 64 characters",
      "X-LR-Signature|ab8f|x-lr-signature: expected 64 lower-case hex digits, got 4 characters"})
  void malformedHeadersAreRefusedBeforeAnyCrypto(String name, String value, String detail) {
    Map<String, String> headers = signedAt(NOW, "GET", "/v1/status", new byte[0]);
    headers.put(name, value);
    Verification result = verify("GET", "/v1/status", headers, new byte[0]);
    assertEquals(Optional.of(Failure.MALFORMED_HEADER), result.failure());
    assertEquals(detail, result.detail());
  }

  @Test
  void detailsNeverContainTheSecretOrTheExpectedSignature() {
    Map<String, String> headers = signedAt(NOW, "PUT", TARGET, BODY);
    String expected = headers.get(SignatureHeaders.SIGNATURE);
    for (Verification result : new Verification[] {verify("PUT", TARGET, headers, new byte[0]),
        verify("GET", TARGET, headers, BODY)}) {
      assertFalse(result.detail().contains(expected));
      assertFalse(result.detail().contains(AuthFixtures.SECRET_TEXT));
    }
  }

  @Test
  void fullNonceCacheRefusesInsteadOfForgetting() {
    SignatureVerifier tiny = new SignatureVerifier(AuthFixtures.secret(), AuthFixtures.clockAt(NOW), new NonceCache(1));
    assertTrue(tiny.verify("GET", "/v1/status", AuthFixtures.headers(signedAt(NOW, "GET", "/v1/status",
        new byte[0])), new byte[0]).isValid());
    Verification second = tiny.verify("GET", "/v1/status", AuthFixtures.headers(signedAt(NOW, "GET", "/v1/status",
        new byte[0])), new byte[0]);
    assertEquals(Optional.of(Failure.NONCE_CACHE_FULL), second.failure());
  }
}
