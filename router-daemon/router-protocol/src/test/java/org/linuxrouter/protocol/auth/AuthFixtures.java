package org.linuxrouter.protocol.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A fixed secret (bytes 0..31), a fixed clock and a case-insensitive header map. */
public final class AuthFixtures {
  /** base64url of the bytes 0x00..0x1f. */
  public static final String SECRET_TEXT = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
  public static final long NOW = 1_767_323_045L;
  public static final String TARGET = "/v1/networks/3f2504e0-4f89-11d3-9a0c-0305e82c3301";
  public static final byte[] BODY = "{\"uuid\":\"x\"}".getBytes(StandardCharsets.UTF_8);

  private AuthFixtures() {
  }

  public static RouterSecret secret() {
    return RouterSecret.parse(SECRET_TEXT);
  }

  public static Clock clockAt(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  /** Header lookup over a map, matching names case-insensitively like HTTP servers do. */
  public static SignatureVerifier.HeaderSource headers(Map<String, String> values) {
    Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, String> entry : values.entrySet()) {
      byName.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue());
    }
    return name -> byName.getOrDefault(name, Collections.emptyList());
  }
}
