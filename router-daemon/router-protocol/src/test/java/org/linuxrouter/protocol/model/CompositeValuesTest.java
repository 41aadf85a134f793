package org.linuxrouter.protocol.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cross-field rules of the composite values, each broken on purpose, plus their value semantics. */
class CompositeValuesTest {

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        bad("uuid: expected a value, got none", () -> Fixtures.network().uuid(null).build()),
        bad("segment: expected a value, got none", () -> Fixtures.network().segment(null).build()),
        bad("gateway4: expected a value, got none", () -> Fixtures.network().gateway4(null).build()),
        bad("gateway4: expected an ipv4 gateway, got fd00::1/64",
            () -> Fixtures.network().gateway4(GatewayAddress.parse("fd00::1/64")).build()),
        bad("gateway6: expected an ipv6 gateway, got 10.2.2.1/24",
            () -> Fixtures.network().gateway6(GatewayAddress.parse("10.2.2.1/24")).build()),
        bad("mtu: expected 68..65535, got 67", () -> Fixtures.network().mtu(67).build()),
        bad("mtu: expected 68..65535, got 65536", () -> Fixtures.network().mtu(65536).build()),
        bad("mtu: expected 1280..65535 because gateway6 is set (ipv6 minimum link mtu), got 1279",
            () -> Fixtures.fullNetwork().newBuilder().mtu(1279).build()),
        bad("name: expected 1..255 characters, got 0", () -> Fixtures.network().name("").build()),
        bad("name: expected no control characters, got one at index 1", () -> Fixtures.network().name("a\nb").build()),
        bad("proxyMode: expected a value, got none", () -> Fixtures.network().proxyMode(null).build()),
        bad("mac: expected a value, got none", () -> Fixtures.nicA().newBuilder().mac(null).build()),
        bad("ipv4[0]: expected an ipv4 address, got 2001:db8::1",
            () -> Fixtures.nicA().newBuilder().ipv4(list("2001:db8::1")).build()),
        bad("ipv6[0]: expected an ipv6 address, got 10.0.0.1",
            () -> Fixtures.nicA().newBuilder().ipv6(list("10.0.0.1")).build()),
        bad("ipv4[1]: expected a unique entry, got a second 203.0.113.5",
            () -> Fixtures.nicA().newBuilder().ipv4(list("203.0.113.5", "203.0.113.5")).build()),
        bad("ipv4[0]: expected a routable unicast address (not unspecified, loopback, multicast, link-local or"
            + " reserved), got 224.0.0.5", () -> Fixtures.nicA().newBuilder().ipv4(list("224.0.0.5")).build()),
        bad("ipv6[0]: expected a routable unicast address (not unspecified, loopback, multicast, link-local or"
            + " reserved), got fe80::1", () -> Fixtures.nicA().newBuilder().ipv6(list("fe80::1")).build()),
        bad("ipv4: expected a value, got none", () -> Fixtures.nicA().newBuilder().ipv4(null).build()),
        bad("nics[1]: expected a unique entry, got a second " + Fixtures.NIC_A,
            () -> Fixtures.state().newBuilder().nics(Arrays.asList(Fixtures.nicA(), Fixtures.nicA())).build()),
        bad("nics[1].mac: expected 02:00:4c:4f:4f:50 on one nic only, got it on " + Fixtures.NIC_A + " and "
            + Fixtures.NIC_B, () -> Fixtures.state().newBuilder().nics(Arrays.asList(Fixtures.nicA(),
                Fixtures.nicB().newBuilder().mac(MacAddress.parse("02:00:4c:4f:4f:50")).build())).build()),
        bad("nics[1].ipv4: expected 203.0.113.10 on one nic only, got it on " + Fixtures.NIC_A + " and "
            + Fixtures.NIC_B, () -> Fixtures.state().newBuilder().nics(Arrays.asList(Fixtures.nicA(),
                Fixtures.nicB().newBuilder().ipv4(list("203.0.113.10")).build())).build()),
        bad("desiredRevision: expected 1..9223372036854775807, got 0",
            () -> Fixtures.status().newBuilder().desiredRevision(0).appliedRevision(0).build()),
        bad("appliedRevision: expected 0..3, got 4", () -> Fixtures.status().newBuilder().appliedRevision(4).build()),
        bad("conditions[1]: expected a unique entry, got a second Applied", () -> Fixtures.status().newBuilder()
            .conditions(Arrays.asList(Fixtures.applied(), Fixtures.applied())).build()),
        bad("type: expected CamelCase [A-Z][A-Za-z0-9]{0,63}, got \"applied\"",
            () -> Fixtures.applied().newBuilder().type("applied").build()),
        bad("reason: expected CamelCase [A-Z][A-Za-z0-9]{0,63}, got \"Not Ready\"",
            () -> Fixtures.applied().newBuilder().reason("Not Ready").build()),
        bad("since: expected a value, got none", () -> Fixtures.applied().newBuilder().since(null).build()),
        bad("version: expected 1..64 characters, got 0", () -> Fixtures.routerStatus().newBuilder().version("").build()),
        bad("networks: expected 0..2147483647, got -1", () -> Fixtures.routerStatus().newBuilder().networks(-1).build()),
        bad("drifted[1]: expected a unique entry, got a second " + Fixtures.NETWORK, () -> Fixtures.routerStatus()
            .newBuilder().drifted(Arrays.asList(Fixtures.NETWORK, Fixtures.NETWORK)).build()),
        bad("status: expected 400..599, got 200", () -> Fixtures.problem().newBuilder().status(200).build()),
        bad("title: expected a value, got none", () -> Fixtures.problem().newBuilder().title(null).build()),
        bad("type: expected a uri reference, got \"not a uri\"",
            () -> Fixtures.problem().newBuilder().type("not a uri").build()));
  }

  private static Arguments bad(String message, Supplier<Object> build) {
    return Arguments.of(message, build);
  }

  private static List<IpAddress> list(String... texts) {
    IpAddress[] addresses = new IpAddress[texts.length];
    for (int i = 0; i < texts.length; i++) {
      addresses[i] = IpAddress.parse(texts[i]);
    }
    return Arrays.asList(addresses);
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void constructorRejectsNamingTheField(String message, Supplier<Object> build) {
    assertEquals(message, assertThrows(ValidationException.class, build::get).getMessage());
  }

  @Test
  void defaultsAreDocumented() {
    NetworkSpec spec = Fixtures.network().build();
    assertEquals(ProxyMode.PER_ADDRESS, spec.proxyMode());
    assertFalse(spec.mtu().isPresent());
    assertFalse(spec.gateway6().isPresent());
    assertFalse(spec.trunk().isPresent());
    assertEquals("about:blank", Fixtures.problem().type());
  }

  @Test
  void ipv6AllowsSmallMtuOnlyWithoutGateway6() {
    assertEquals(1000, Fixtures.network().mtu(1000).build().mtu().getAsInt());
    assertEquals(1280, Fixtures.fullNetwork().newBuilder().mtu(1280).build().mtu().getAsInt());
  }

  @Test
  void newBuilderCopiesEveryField() {
    assertEquals(Fixtures.state(), Fixtures.state().newBuilder().build());
    assertEquals(Fixtures.fullNetwork(), Fixtures.fullNetwork().newBuilder().build());
    assertEquals(Fixtures.routerStatus(), Fixtures.routerStatus().newBuilder().build());
    assertEquals(Fixtures.problem(), Fixtures.problem().newBuilder().build());
    assertEquals(Fixtures.fullNetwork().hashCode(), Fixtures.fullNetwork().newBuilder().build().hashCode());
    assertNotEquals(Fixtures.fullNetwork(), Fixtures.fullNetwork().newBuilder().mtu(1500).build());
  }

  @Test
  void valuesAreNotChangedThroughTheirBuildersOrLists() {
    NicSpec nic = Fixtures.nicA();
    NicSpec.Builder builder = nic.newBuilder().addAddress(IpAddress.parse("203.0.113.99"));
    assertEquals(2, nic.ipv4().size());
    assertEquals(3, builder.build().ipv4().size());
    assertThrows(UnsupportedOperationException.class, () -> nic.ipv4().add(IpAddress.parse("203.0.113.1")));
    assertThrows(UnsupportedOperationException.class, () -> Fixtures.state().nics().clear());
  }

  @Test
  void lookupsFindByKey() {
    assertEquals(Fixtures.nicB(), Fixtures.state().nic(Fixtures.NIC_B).get());
    assertTrue(Fixtures.status().condition("Applied").isPresent());
    assertFalse(Fixtures.status().condition("Ready").isPresent());
    assertTrue(Fixtures.status().isApplied());
  }

  @Test
  void toStringShowsFields() {
    String text = Fixtures.fullNetwork().toString();
    assertTrue(text.contains("segment=vlan://100") && text.contains("proxyMode=interface"), text);
    assertTrue(Fixtures.problem().toString().contains("field=nics[0].mac"), Fixtures.problem().toString());
  }

  @Test
  void problemFromValidationErrorCarriesTheField() {
    ValidationException e = new ValidationException("mac", "expected x, got y").under("nics[0]");
    Problem problem = Problem.invalid(422, e);
    assertEquals("nics[0].mac", problem.field().get());
    assertEquals("nics[0].mac: expected x, got y", problem.detail().get());
    assertEquals(422, problem.status());
    assertEquals(Collections.singletonList("nics[0][1]"),
        Collections.singletonList(new ValidationException("[1]", "p").under("nics[0]").field()));
  }
}
