package org.linuxrouter.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linuxrouter.protocol.client.CertificateFingerprint;

/** The pair_peer_* keys: all three together, only in a pair, and every bad value named by its key. */
class PeerConfigTest {

  private static final String FP = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF"
      + ":01:23:45:67:89";
  private static final String PEER = String.join("\n", "vrrp = on", "pair_peer_url = https://192.0.2.12:8443",
      "pair_peer_fingerprint = " + FP, "pair_peer_secret_file = /etc/linuxrouter/peer-secret");

  @Test
  void offByDefaultAndEveryKeyLands() {
    assertEquals(Optional.empty(), ConfigLoader.parse("t", "vrrp = on\n").peer());
    PeerConfig p = ConfigLoader.parse("t", PEER + "\npair_peer_poll_interval = 500ms\n").peer().orElseThrow();
    assertEquals(URI.create("https://192.0.2.12:8443"), p.url());
    assertEquals(CertificateFingerprint.parse(FP), p.fingerprint());
    assertEquals(Path.of("/etc/linuxrouter/peer-secret"), p.secretFile());
    assertEquals(Duration.ofMillis(500), p.pollInterval());
    assertEquals(PeerConfig.DEFAULT_POLL, ConfigLoader.parse("t", PEER).peer().orElseThrow().pollInterval());
    // the port defaults to the API's; an IPv6 literal and a DNS name work; a trailing slash is harmless
    assertEquals(URI.create("https://[2001:db8::12]:8443"), PeerConfig.url("https://[2001:db8::12]/"));
    assertEquals(URI.create("https://router-b.example:9443"), PeerConfig.url("https://router-b.example:9443"));
  }

  @Test
  void badValuesNameTheirKey() {
    for (String url : new String[] {"http://192.0.2.12:8443", "192.0.2.12:8443", "https://192.0.2.12:8443/v1",
        "https://u:p@192.0.2.12", "https://192.0.2.12?x=1", "https://192.0.2.12#f", "https://", "https://a b"}) {
      problem("pair_peer_url = " + url, 1, "pair_peer_url", PeerConfig.URL_EXPECTED);
    }
    problem("pair_peer_fingerprint = AB:CD", 1, "pair_peer_fingerprint", "the peer's certificate fingerprint as lrctl"
        + " fingerprint prints it (32 hex pairs separated by colons)");
    problem("pair_peer_secret_file = peer-secret", 1, "pair_peer_secret_file",
        "an absolute path without . or .. segments");
    problem("pair_peer_poll_interval = 10ms", 1, "pair_peer_poll_interval",
        "a duration such as 500ms, 10s, 5m or 1h between 100ms and 24h");
  }

  @Test
  void allThreeTogetherAndOnlyInAPair() {
    problem(PEER.replace("vrrp = on", "vrrp = off"), 2, "pair_peer_url",
        "only with vrrp = on (the peer channel links the two routers of a pair)");
    problem(PEER.replace("pair_peer_url = https://192.0.2.12:8443", ""), 3, "pair_peer_fingerprint",
        "pair_peer_url as well (the peer's API)");
    problem(PEER.replace("pair_peer_fingerprint = " + FP, ""), 2, "pair_peer_url",
        "pair_peer_fingerprint as well (its certificate is pinned, as CloudStack pins it)");
    problem(PEER.replace("pair_peer_secret_file = /etc/linuxrouter/peer-secret", ""), 2, "pair_peer_url",
        "pair_peer_secret_file as well (requests to the peer are signed with its secret)");
  }

  private static void problem(String text, int line, String key, String expected) {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("t", text));
    assertEquals(1, e.problems().size(), e.getMessage());
    ConfigProblem p = e.problems().get(0);
    assertEquals(line, p.line(), e.getMessage());
    assertEquals(key, p.key(), e.getMessage());
    assertEquals(expected, p.expected(), e.getMessage());
  }
}
