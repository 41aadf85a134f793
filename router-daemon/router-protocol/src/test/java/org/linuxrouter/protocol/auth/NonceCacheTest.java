package org.linuxrouter.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linuxrouter.protocol.auth.NonceCache.Claim;

/** Expiry and the memory bound of the replay cache. */
class NonceCacheTest {

  @Test
  void nonceIsReplayedUntilItExpires() {
    NonceCache cache = new NonceCache(10);
    assertEquals(Claim.ACCEPTED, cache.claim("a", 1000, 500));
    assertEquals(Claim.REPLAYED, cache.claim("a", 1000, 999));
    assertEquals(Claim.ACCEPTED, cache.claim("a", 2000, 1000));
  }

  @Test
  void capacityIsAHardBoundThatFreesAsEntriesExpire() {
    NonceCache cache = new NonceCache(3);
    assertEquals(Claim.ACCEPTED, cache.claim("a", 100, 0));
    assertEquals(Claim.ACCEPTED, cache.claim("b", 300, 0));
    assertEquals(Claim.ACCEPTED, cache.claim("c", 200, 0));
    assertEquals(Claim.FULL, cache.claim("d", 400, 50));
    assertEquals(3, cache.size(50));
    assertEquals(Claim.ACCEPTED, cache.claim("d", 400, 100));
    assertEquals(Claim.REPLAYED, cache.claim("b", 400, 250));
    assertEquals(2, cache.size(250));
  }

  @Test
  void verifierKeepsANonceForTheWholeSkewWindow() {
    long signedAt = AuthFixtures.NOW;
    Map<String, String> headers = new RequestSigner(AuthFixtures.secret(), AuthFixtures.clockAt(signedAt),
        new SecureRandom()).sign("GET", "/v1/status", new byte[0]).asMap();
    NonceCache cache = new NonceCache(10);
    for (long now : new long[] {signedAt - 300, signedAt, signedAt + 300}) {
      SignatureVerifier verifier = new SignatureVerifier(AuthFixtures.secret(), AuthFixtures.clockAt(now), cache);
      Verification result = verifier.verify("GET", "/v1/status", AuthFixtures.headers(headers), new byte[0]);
      assertEquals(now == signedAt - 300, result.isValid(), "at " + (now - signedAt) + ": " + result);
    }
  }

  @Test
  void capacityMustBePositive() {
    assertEquals("capacity: expected at least 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> new NonceCache(0)).getMessage());
  }
}
