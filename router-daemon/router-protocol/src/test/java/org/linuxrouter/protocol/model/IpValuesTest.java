package org.linuxrouter.protocol.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict IP text: accepted forms, canonical printing, and the refusals CIDR input must produce. */
class IpValuesTest {

  @ParameterizedTest
  @CsvSource({
      "0.0.0.0,0.0.0.0", "10.1.1.1,10.1.1.1", "255.255.255.255,255.255.255.255",
      "fd00:0:0:1:0:0:0:1,fd00:0:0:1::1", "FD00::1,fd00::1", "2001:0db8::0001,2001:db8::1",
      "2001:db8:0:0:1:0:0:1,2001:db8::1:0:0:1", "2001:db8:0:1:1:1:1:1,2001:db8:0:1:1:1:1:1",
      "::,::", "::1,::1", "1::,1::", "1:0:0:2:0:0:0:3,1:0:0:2::3"})
  void parsesAndPrintsCanonically(String text, String canonical) {
    IpAddress address = IpAddress.parse(text);
    assertEquals(canonical, address.toString());
    assertEquals(address, IpAddress.parse(canonical));
    assertArrayEquals(address.toInetAddress().getAddress(), address.bytes());
  }

  @ParameterizedTest
  @ValueSource(strings = {"010.1.1.1", "10.1.1", "10.1.1.1.1", "256.1.1.1", "10.1.1.-1", "10.1.1.1 ", "1e1.1.1.1",
      "0x0a.1.1.1", "10..1.1", "", "localhost", "example.com", "10.1.1.1%eth0"})
  void rejectsNonCanonicalIpv4(String text) {
    ValidationException e = assertThrows(ValidationException.class, () -> IpAddress.parse("ip", text));
    assertEquals("ip: expected dotted-decimal ipv4 (0..255, no leading zeros), got \"" + text + "\"", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"fe80::1%eth0", "::ffff:1.2.3.4", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3",
      ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "12345::1", "g::1", ":::", "1:2:3:4:5:6:7::8", "[::1]"})
  void rejectsBadIpv6(String text) {
    ValidationException e = assertThrows(ValidationException.class, () -> IpAddress.parse("ip", text));
    assertTrue(e.getMessage().startsWith("ip: expected ipv6 hex groups"), e.getMessage());
  }

  @Test
  void rejectsIpv4MappedIpv6() {
    ValidationException e = assertThrows(ValidationException.class, () -> IpAddress.parse("ip", "::ffff:a01:101"));
    assertEquals("ip: expected a native ipv6 address, got ipv4-mapped \"::ffff:a01:101\"", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"10.1.1.1,true", "203.0.113.9,true", "0.0.0.0,false", "127.0.0.1,false", "169.254.1.1,false",
      "224.0.0.1,false", "240.0.0.1,false", "255.255.255.255,false", "2001:db8::1,true", "::,false",
      "::1,false", "fe80::1,false", "febf::1,false", "fec0::1,true", "ff02::1,false"})
  void classifiesRoutableUnicast(String text, boolean routable) {
    assertEquals(routable, IpAddress.parse(text).isRoutableUnicast());
  }

  @ParameterizedTest
  @CsvSource({"10.1.1.0/24,10.1.1.255", "0.0.0.0/0,255.255.255.255", "10.1.1.4/30,10.1.1.7",
      "10.1.1.1/32,10.1.1.1", "fd00:1::/64,fd00:1::ffff:ffff:ffff:ffff", "::/0,ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"})
  void prefixParsesWithItsLastAddress(String text, String last) {
    IpPrefix prefix = IpPrefix.parse(text);
    assertEquals(text, prefix.toString());
    assertEquals(last, prefix.last().toString());
    assertTrue(prefix.contains(prefix.network()));
    assertTrue(prefix.contains(prefix.last()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "10.1.1.1/24|subnet: expected a network address with host bits zero, got \"10.1.1.1/24\" (the network is 10.1.1.0/24)",
      "fd00::1/64|subnet: expected a network address with host bits zero, got \"fd00::1/64\" (the network is fd00::/64)",
      "10.1.1.0/33|subnet: expected ipv4 prefix length 0..32 without leading zeros, got \"33\"",
      "10.1.1.0/024|subnet: expected ipv4 prefix length 0..32 without leading zeros, got \"024\"",
      "10.1.1.0/|subnet: expected ipv4 prefix length 0..32 without leading zeros, got \"\"",
      "10.1.1.0/+8|subnet: expected ipv4 prefix length 0..32 without leading zeros, got \"+8\"",
      "fd00::/129|subnet: expected ipv6 prefix length 0..128 without leading zeros, got \"129\"",
      "10.1.1.0|subnet: expected address/length, got \"10.1.1.0\"",
      "10.1.1.0/24/1|subnet: expected ipv4 prefix length 0..32 without leading zeros, got \"24/1\""})
  void prefixRejects(String text, String message) {
    assertEquals(message, assertThrows(ValidationException.class, () -> IpPrefix.parse("subnet", text)).getMessage());
  }

  @Test
  void prefixContainmentRespectsFamilyAndBoundary() {
    IpPrefix prefix = IpPrefix.parse("10.1.1.0/24");
    assertFalse(prefix.contains(IpAddress.parse("10.1.2.0")));
    assertFalse(prefix.contains(IpAddress.parse("::a01:101")));
  }

  @ParameterizedTest
  @CsvSource({"10.1.1.1/24,10.1.1.0/24", "10.1.1.254/24,10.1.1.0/24", "192.0.2.0/31,192.0.2.0/31",
      "192.0.2.1/31,192.0.2.0/31", "100.64.0.1/10,100.64.0.0/10", "fd00:1::1/64,fd00:1::/64",
      "2001:db8::/127,2001:db8::/127", "2001:db8::ffff:ffff:ffff:ffff/64,2001:db8::/64"})
  void gatewayAccepts(String text, String subnet) {
    GatewayAddress gateway = GatewayAddress.parse(text);
    assertEquals(text, gateway.toString());
    assertEquals(subnet, gateway.subnet().toString());
    assertTrue(gateway.subnet().contains(gateway.address()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "10.1.1.0/24|gateway4: expected a host address of 10.1.1.0/24, got its network address 10.1.1.0",
      "10.1.1.255/24|gateway4: expected a host address of 10.1.1.0/24, got its broadcast address 10.1.1.255",
      "10.1.1.3/30|gateway4: expected a host address of 10.1.1.0/30, got its broadcast address 10.1.1.3",
      "fd00:1::/64|gateway4: expected a host address of fd00:1::/64, got its network address fd00:1::",
      "10.1.1.1/32|gateway4: expected ipv4 prefix length 1..31 (room for guests), got 32",
      "fd00::1/128|gateway4: expected ipv6 prefix length 1..127 (room for guests), got 128",
      "10.1.1.1/0|gateway4: expected ipv4 prefix length 1..32 without leading zeros, got \"0\"",
      "010.1.1.1/24|gateway4: expected dotted-decimal ipv4 (0..255, no leading zeros), got \"010.1.1.1\"",
      "10.1.1.1|gateway4: expected address/length like 10.1.1.1/24, got \"10.1.1.1\"",
      "127.0.0.1/8|gateway4: expected a routable unicast address (not unspecified, loopback, multicast, link-local or reserved), got 127.0.0.1",
      "fe80::1/64|gateway4: expected a routable unicast address (not unspecified, loopback, multicast, link-local or reserved), got fe80::1"})
  void gatewayRejects(String text, String message) {
    assertEquals(message, assertThrows(ValidationException.class, () -> GatewayAddress.parse("gateway4", text)).getMessage());
  }
}
