package org.linuxrouter.protocol.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tables of good and bad inputs for the small values: what is accepted, and how refusals read. */
class ScalarValuesTest {

  @ParameterizedTest
  @ValueSource(strings = {"3f2504e0-4f89-11d3-9a0c-0305e82c3301", "00000000-0000-0000-0000-000000000000"})
  void uuidAcceptsCloudStackForm(String text) {
    assertEquals(text, Uuid.parse(text).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"3F2504E0-4F89-11D3-9A0C-0305E82C3301", "{3f2504e0-4f89-11d3-9a0c-0305e82c3301}",
      "3f2504e04f8911d39a0c0305e82c3301", "3f2504e0-4f89-11d3-9a0c-0305e82c330", "", " 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
      "3f2504e0-4f89-11d3-9a0c-0305e82c3301/../x"})
  void uuidRejectsOtherForms(String text) {
    ValidationException e = assertThrows(ValidationException.class, () -> Uuid.parse("networkUuid", text));
    assertEquals("networkUuid", e.field());
    assertEquals(true, e.problem().startsWith("expected a lower-case uuid"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"eth0", "bond0.100", "a", "enp3s0f1-x_y", "fifteen-bytes15"})
  void interfaceNameAccepts(String text) {
    assertEquals(text, InterfaceName.of(text).value());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "sixteen-bytes-16|trunk: expected 1..15 bytes, got 16 in \"sixteen-bytes-16\"",
      "''|trunk: expected 1..15 bytes, got 0 in \"\"",
      "eth 0|trunk: expected only [A-Za-z0-9._-], got \"eth 0\"",
      "eth0:1|trunk: expected only [A-Za-z0-9._-], got \"eth0:1\"",
      "a/b|trunk: expected only [A-Za-z0-9._-], got \"a/b\"",
      "ethé|trunk: expected only [A-Za-z0-9._-], got \"ethé\"",
      ".|trunk: expected a name other than . or .., got \".\"",
      "..|trunk: expected a name other than . or .., got \"..\""})
  void interfaceNameRejects(String text, String message) {
    assertEquals(message, assertThrows(ValidationException.class, () -> InterfaceName.of("trunk", text)).getMessage());
  }

  @ParameterizedTest
  @CsvSource({"vlan://1,VLAN,1", "vlan://4094,VLAN,4094", "vlan://100,VLAN,100", "vxlan://1,VXLAN,1",
      "vxlan://16777215,VXLAN,16777215"})
  void segmentParsesAndPrintsBack(String uri, Segment.Type type, int id) {
    Segment segment = Segment.parse(uri);
    assertEquals(type, segment.type());
    assertEquals(id, segment.id());
    assertEquals(uri, segment.uri());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "vlan://0|segment: expected vlan id 1..4094, got 0",
      "vlan://4095|segment: expected vlan id 1..4094, got 4095",
      "vxlan://0|segment: expected vxlan id 1..16777215, got 0",
      "vxlan://16777216|segment: expected vxlan id 1..16777215, got 16777216",
      "vlan://0100|segment: expected a decimal vlan id without sign or leading zeros, got \"vlan://0100\"",
      "vlan://+1|segment: expected a decimal vlan id without sign or leading zeros, got \"vlan://+1\"",
      "vlan://99999999999|segment: expected a decimal vlan id without sign or leading zeros, got \"vlan://99999999999\"",
      "vlan://|segment: expected a decimal vlan id without sign or leading zeros, got \"vlan://\"",
      "vlan://untagged|segment: expected a tagged vlan://<1..4094>, got untagged (no VLAN to configure)",
      "VLAN://100|segment: expected vlan://<1..4094> or vxlan://<1..16777215>, got \"VLAN://100\"",
      "pvlan://100-i200|segment: expected vlan://<1..4094> or vxlan://<1..16777215>, got \"pvlan://100-i200\"",
      "100|segment: expected vlan://<1..4094> or vxlan://<1..16777215>, got \"100\""})
  void segmentRejects(String uri, String message) {
    assertEquals(message, assertThrows(ValidationException.class, () -> Segment.parse(uri)).getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"0|vlan: expected 1..4094, got 0", "4095|vlan: expected 1..4094, got 4095"})
  void segmentFactoryNamesTheIdField(int id, String message) {
    assertEquals(message, assertThrows(ValidationException.class, () -> Segment.vlan(id)).getMessage());
  }

  @ParameterizedTest
  @CsvSource({"02:00:4c:4f:4f:50", "1e:00:00:00:00:01", "fe:ff:ff:ff:ff:ff"})
  void macAccepts(String text) {
    assertEquals(text, MacAddress.parse(text).value());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "02:00:4C:4F:4F:50|mac: expected six lower-case hex pairs like 02:00:4c:4f:4f:50, got \"02:00:4C:4F:4F:50\"",
      "02-00-4c-4f-4f-50|mac: expected six lower-case hex pairs like 02:00:4c:4f:4f:50, got \"02-00-4c-4f-4f-50\"",
      "02:00:4c:4f:4f|mac: expected six lower-case hex pairs like 02:00:4c:4f:4f:50, got \"02:00:4c:4f:4f\"",
      "01:00:5e:00:00:01|mac: expected a unicast address, got multicast 01:00:5e:00:00:01",
      "ff:ff:ff:ff:ff:ff|mac: expected a unicast address, got multicast ff:ff:ff:ff:ff:ff",
      "00:00:00:00:00:00|mac: expected a unicast address, got all zeros"})
  void macRejects(String text, String message) {
    assertEquals(message, assertThrows(ValidationException.class, () -> MacAddress.parse(text)).getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"per-address", "interface"})
  void proxyModeRoundTripsItsWireName(String wire) {
    assertEquals(wire, ProxyMode.fromWireName("proxyMode", wire).wireName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"PER_ADDRESS", "Interface", ""})
  void proxyModeRejectsOtherSpellings(String wire) {
    assertEquals("proxyMode: expected per-address or interface, got \"" + wire + "\"",
        assertThrows(ValidationException.class, () -> ProxyMode.fromWireName("proxyMode", wire)).getMessage());
  }
}
