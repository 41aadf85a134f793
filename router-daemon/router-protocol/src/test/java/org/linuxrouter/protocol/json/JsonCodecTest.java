package org.linuxrouter.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linuxrouter.protocol.model.Fixtures;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.Plan;
import org.linuxrouter.protocol.model.ProxyMode;
import org.linuxrouter.protocol.model.ValidationException;

/** Round trips and the exact wire form; strict-decoding refusals live in {@link StrictDecodingTest}. */
class JsonCodecTest {
  private final JsonCodec codec = new JsonCodec();

  @Test
  void networkSpecHasTheDocumentedWireForm() {
    assertEquals("{\"uuid\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"name\":\"guest-net \\\"a\\\"\","
        + "\"segment\":\"vlan://100\",\"trunk\":\"bond0\",\"gateway4\":\"10.1.1.1/24\",\"gateway6\":\"fd00:1::1/64\","
        + "\"mtu\":9000,\"proxyMode\":\"interface\",\"services\":[\"dhcp\",\"dns\",\"userdata\"],"
        + "\"dnsServers\":[\"192.0.2.53\",\"2001:db8::53\"],\"domain\":\"cloudnine.internal\"}",
        codec.encode(Fixtures.fullNetwork()));
  }

  @Test
  void absentOptionalsAreOmittedNotNull() {
    assertEquals("{\"uuid\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"segment\":\"vlan://100\","
        + "\"gateway4\":\"10.1.1.1/24\",\"proxyMode\":\"per-address\",\"services\":[],\"dnsServers\":[]}",
        codec.encode(Fixtures.network().build()));
  }

  @Test
  void minimalNetworkGetsDefaults() {
    NetworkSpec spec = codec.decodeNetworkSpec("{\"uuid\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\","
        + "\"segment\":\"vlan://100\",\"gateway4\":\"10.1.1.1/24\"}");
    assertEquals(ProxyMode.PER_ADDRESS, spec.proxyMode());
    assertEquals(Fixtures.network().build(), spec);
  }

  @Test
  void everyTypeRoundTrips() {
    assertEquals(Fixtures.fullNetwork(), codec.decodeNetworkSpec(codec.encode(Fixtures.fullNetwork())));
    assertEquals(Fixtures.nicA(), codec.decodeNicSpec(codec.encode(Fixtures.nicA())));
    assertEquals(Fixtures.state(), codec.decodeNetworkState(codec.encode(Fixtures.state())));
    assertEquals(Fixtures.routerStatus(), codec.decodeRouterStatus(codec.encode(Fixtures.routerStatus())));
    assertEquals(Fixtures.problem(), codec.decodeProblem(codec.encode(Fixtures.problem())));
    NetworkState failing = Fixtures.state().newBuilder()
        .status(Fixtures.status().newBuilder().desiredRevision(4).lastError("vlan 100: trunk bond0 missing").build())
        .build();
    List<NetworkState> list = Arrays.asList(Fixtures.state(), failing);
    assertEquals(list, codec.decodeNetworkList(codec.encodeNetworkList(list)));
    assertEquals(Collections.emptyList(), codec.decodeNetworkList(codec.encodeNetworkList(Collections.emptyList())));
  }

  @Test
  void statusAndNicWireForms() {
    assertEquals("{\"uuid\":\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\",\"mac\":\"02:00:4c:4f:4f:51\","
        + "\"ipv4\":[\"203.0.113.20\"],\"ipv6\":[],\"defaultNic\":true,\"dhcpOptions\":[],\"metadata\":{},"
        + "\"sshPublicKeys\":[]}", codec.encode(Fixtures.nicB()));
    assertEquals("{\"version\":\"0.1.0\",\"networks\":1,\"nics\":2,\"lastReconcile\":\"2026-01-02T03:04:05.123Z\","
        + "\"drifted\":[\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"],\"dnsmasq\":\"running\",\"dnsmasqRestarts\":1,"
        + "\"metadata\":\"on\",\"antiSpoofing\":\"failing\","
        + "\"pair\":{\"role\":\"MASTER\",\"transitions\":3,"
        + "\"lastTransition\":\"2026-01-02T03:04:05.123Z\",\"keepalivedRestarts\":1,"
        + "\"configError\":\"keepalived -t exit 5: Unknown keyword 'x'\",\"splitBrain\":true,"
        + "\"peer\":{\"reachable\":true,\"role\":\"MASTER\",\"lastContact\":\"2026-01-02T03:04:05.123Z\","
        + "\"error\":\"forget: peer answered 503\",\"pendingForgets\":2,\"splitBrains\":1},"
        + "\"takeover\":\"gate\",\"gate\":\"open\",\"sticky\":true}}",
        codec.encode(Fixtures.routerStatus()));
    assertEquals("{\"type\":\"about:blank\",\"title\":\"invalid request\",\"status\":400,"
        + "\"detail\":\"nics[0].mac: expected a unicast address, got all zeros\",\"field\":\"nics[0].mac\"}",
        codec.encode(Fixtures.problem()));
    String state = codec.encode(Fixtures.state());
    assertEquals(true, state.contains("\"status\":{\"desiredRevision\":3,\"appliedRevision\":3,\"conditions\":"
        + "[{\"type\":\"Applied\",\"status\":\"True\",\"reason\":\"Reconciled\",\"message\":\"kernel matches"
        + " revision 3\",\"since\":\"2026-01-02T03:04:05.123Z\"}]}"), state);
  }

  /** Only a MASTER can be a sticky master: a decoded status saying otherwise is refused, naming the field. */
  @Test
  void stickyOnlyWithMaster() {
    String backup = codec.encode(Fixtures.routerStatus()).replace("\"role\":\"MASTER\",\"transitions\"",
        "\"role\":\"BACKUP\",\"transitions\"");
    org.linuxrouter.protocol.model.ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
        org.linuxrouter.protocol.model.ValidationException.class, () -> codec.decodeRouterStatus(backup));
    assertEquals(true, e.getMessage().contains("sticky"), e.getMessage());
    assertEquals(false, codec.decodeRouterStatus(backup.replace("\"sticky\":true", "\"sticky\":false")).pair()
        .orElseThrow().sticky().orElseThrow());
  }

  @Test
  void planWireFormWritesHostWideStepsWithAnEmptyNetwork() {
    String json = "{\"steps\":[{\"network\":\"\",\"action\":\"set sysctl net.ipv4.ip_forward=1\"},"
        + "{\"network\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"action\":\"create link bond0.100\"}]}";
    assertEquals(json, codec.encode(Fixtures.plan()));
    Plan decoded = codec.decodePlan(json);
    assertEquals(Fixtures.plan(), decoded);
    assertEquals(Optional.empty(), decoded.steps().get(0).network());
    assertEquals(Optional.of(Fixtures.NETWORK), decoded.steps().get(1).network());
    assertEquals("{\"steps\":[]}", codec.encode(Plan.builder().build()));
    assertTrue(codec.decodePlan("{\"steps\":[]}").isEmpty());
  }

  @Test
  void ipv6IsNormalisedToCanonicalFormOnDecode() {
    String json = "{\"uuid\":\"9c5b94b1-35ad-49bb-b118-8e8fc24abf80\",\"mac\":\"02:00:4c:4f:4f:50\","
        + "\"ipv6\":[\"2001:0DB8:0:0:0:0:0:10\"]}";
    assertEquals("2001:db8::10", codec.decodeNicSpec(json).ipv6().get(0).toString());
  }

  @Test
  void fieldOrderAndWhitespaceDoNotMatter() {
    String uuid = "\"uuid\":\"9c5b94b1-35ad-49bb-b118-8e8fc24abf80\"";
    String mac = "\"mac\":\"02:00:4c:4f:4f:50\"";
    assertEquals(0, codec.decodeNicSpec("{" + uuid + "," + mac + "}").ipv4().size());
    assertEquals(0, codec.decodeNicSpec(" \r\n\t{ " + uuid + " ,\n" + mac + ",\"ipv4\" : [ ] }\n ").ipv4().size());
    assertEquals(1, codec.decodeNicSpec("{\"ipv4\":[\"198.51.100.1\"]," + mac + "," + uuid + "}").ipv4().size());
  }

  @Test
  void encodingRefusesNull() {
    assertThrows(NullPointerException.class, () -> codec.encode((NetworkSpec) null));
    ValidationException e = assertThrows(ValidationException.class, () -> codec.decodeNetworkSpec(null));
    assertEquals("body: expected a json object, got no body", e.getMessage());
  }
}
