package org.linuxrouter.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.ProxyMode;

class ConfigLoaderTest {

  @Test
  void shippedExampleParsesToExactlyTheDefaults() throws IOException {
    String example = example();
    assertEquals(DaemonConfig.defaults(), ConfigLoader.parse("example", example));
    // "documents every key": each key appears as an active line in the example
    for (ConfigKey key : ConfigKey.values()) {
      assertTrue(example.lines().anyMatch(l -> l.startsWith(key.word() + " =")), "example lacks " + key.word());
    }
  }

  @Test
  void defaultsAreTheDocumentedValues() {
    DaemonConfig d = DaemonConfig.defaults();
    assertEquals("0.0.0.0:8443", d.listen().toString());
    assertTrue(d.tls());
    assertEquals(Path.of("/etc/linuxrouter/tls/linuxrouterd.p12"), d.keystore());
    assertEquals(Path.of("/etc/linuxrouter/secret"), d.secretFile());
    assertEquals(Path.of("/var/lib/linuxrouter"), d.stateDir());
    assertEquals(InterfaceName.of("eth1"), d.trunkInterface());
    assertEquals(Optional.empty(), d.uplinkInterface());
    assertEquals(ProxyMode.PER_ADDRESS, d.proxyMode());
    assertEquals(Duration.ofSeconds(10), d.resyncInterval());
    assertEquals(2 << 20, d.maxBodyBytes());
    assertEquals(new RateLimit(50, 100), d.rateLimit());
    assertEquals(LogLevel.INFO, d.logLevel());
    assertTrue(d.metadata());
    assertTrue(d.antiSpoofing());
  }

  @Test
  void guestServicesSwitchOffOneByOne() {
    DaemonConfig lab = ConfigLoader.parse("t", "anti_spoofing = off\n");
    assertTrue(lab.metadata());
    assertFalse(lab.antiSpoofing());
    DaemonConfig none = ConfigLoader.parse("t", "metadata = off\nanti_spoofing = off\n");
    assertFalse(none.metadata());
    assertProblem("anti_spoofing = maybe", "anti_spoofing", "on or off");
  }

  @Test
  void emptyFileMeansDefaults() {
    assertEquals(DaemonConfig.defaults(), ConfigLoader.parse("empty", ""));
  }

  @Test
  void everyKeyIsApplied() {
    DaemonConfig c = ConfigLoader.parse("t", String.join("\n",
        "  # indented comment",
        "listen = [2001:db8::1]:9443",
        "tls=on",
        "tls_keystore = /srv/tls/k.p12",
        "secret_file = /srv/secret",
        "state_dir = /srv/state",
        "trunk_interface = bond0",
        "uplink_interface = enp129s0f1.409",
        "proxy_mode = interface",
        "resync_interval = 500ms",
        "max_body_bytes = 2048",
        "rate_limit_per_second = 5",
        "rate_limit_burst = 7",
        "log_level = debug\r",
        ""));
    assertEquals("[2001:db8:0:0:0:0:0:1]:9443", c.listen().toString());
    assertEquals(Path.of("/srv/tls/k.p12"), c.keystore());
    assertEquals(Path.of("/srv/secret"), c.secretFile());
    assertEquals(Path.of("/srv/state"), c.stateDir());
    assertEquals(InterfaceName.of("bond0"), c.trunkInterface());
    assertEquals(Optional.of(InterfaceName.of("enp129s0f1.409")), c.uplinkInterface());
    assertEquals(ProxyMode.INTERFACE, c.proxyMode());
    assertEquals(Duration.ofMillis(500), c.resyncInterval());
    assertEquals(2048, c.maxBodyBytes());
    assertEquals(new RateLimit(5, 7), c.rateLimit());
    assertEquals(LogLevel.DEBUG, c.logLevel());
  }

  @Test
  void vxlanKeysAreAppliedAndCheckedLikeTheApiChecksThem() {
    DaemonConfig c = ConfigLoader.parse("t", String.join("\n", "vxlan_underlay = bond1", "vxlan_mode = unicast",
        "vxlan_local = 10.0.0.1", "vxlan_vteps = 10.0.0.11, 10.0.0.12", ""));
    assertEquals(new VxlanSettings(Optional.of(InterfaceName.of("bond1")),
        org.linuxrouter.protocol.model.VxlanMode.UNICAST,
        Optional.of(org.linuxrouter.protocol.model.IpAddress.parse("10.0.0.1")),
        List.of(org.linuxrouter.protocol.model.IpAddress.parse("10.0.0.11"),
            org.linuxrouter.protocol.model.IpAddress.parse("10.0.0.12"))), c.vxlan());
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("t", String.join("\n",
        "vxlan_mode = broadcast", "vxlan_local = 239.0.0.1", "vxlan_vteps = 10.0.0.11, 10.0.0.11", "")));
    assertEquals(List.of(new ConfigProblem(1, "vxlan_mode", "multicast or unicast", "\"broadcast\""),
        new ConfigProblem(2, "vxlan_local", "a routable unicast address", "\"239.0.0.1\""),
        new ConfigProblem(3, "vxlan_vteps", "distinct addresses of one family separated by commas",
            "\"10.0.0.11, 10.0.0.11\"")), e.problems());
  }

  @Test
  void dnsmasqDirIsAnAbsolutePathOrEmptyForOff() {
    assertEquals(Optional.of(Path.of("/run/linuxrouter/dnsmasq")), DaemonConfig.defaults().dnsmasqDir());
    assertEquals(Optional.of(Path.of("/srv/dns")), ConfigLoader.parse("t", "dnsmasq_dir = /srv/dns\n").dnsmasqDir());
    assertEquals(Optional.empty(), ConfigLoader.parse("t", "dnsmasq_dir =\n").dnsmasqDir());
    assertProblem("dnsmasq_dir = run/dns", "dnsmasq_dir", "an absolute path without . or .. segments");
  }

  @Test
  void plainHttpOnLoopbackWhenExplicitlyOff() {
    DaemonConfig v4 = ConfigLoader.parse("t", "listen = 127.0.0.1:8080\ntls = off\n");
    assertFalse(v4.tls());
    assertTrue(v4.listen().isLoopback());
    DaemonConfig v6 = ConfigLoader.parse("t", "tls = off\nlisten = [::1]:8080\n");
    assertFalse(v6.tls());
  }

  @Test
  void plainHttpOnAnyOtherAddressIsRefusedOnTheTlsLine() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.parse("/etc/x.conf", "listen = 192.0.2.1:8080\n\ntls = off\n"));
    assertEquals(List.of(new ConfigProblem(3, "tls",
        "on unless listen is a loopback address such as 127.0.0.1 or [::1]",
        "off with listen = 192.0.2.1:8080")), e.problems());
    assertThrows(ConfigException.class, () -> ConfigLoader.parse("t", "tls = off\n"));
  }

  @Test
  void reportsEveryProblemWithLineKeyExpectedAndGot() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("/etc/x.conf",
        String.join("\n",
            "listen = 0.0.0.0:8443",
            "lissen = 0.0.0.0:8443",
            "listen = 0.0.0.0:9443",
            "trunk_interface = enp129s0f1np1.4094",
            "state_dir = var/lib/x",
            "just some words",
            "resync_interval = 10",
            "proxy_mode = PER-ADDRESS",
            "tls = yes")));
    List<ConfigProblem> p = e.problems();
    assertEquals(8, p.size(), e.getMessage());
    assertEquals(new ConfigProblem(2, "lissen", "one of " + ConfigKey.allWords(), "an unknown key"), p.get(0));
    assertEquals(new ConfigProblem(3, "listen", "each key once", "a second value (first set on line 1)"),
        p.get(1));
    assertEquals(new ConfigProblem(4, "trunk_interface",
        "an interface name of 1..15 bytes from [A-Za-z0-9._-]", "\"enp129s0f1np1.4094\""), p.get(2));
    assertEquals(new ConfigProblem(5, "state_dir", "an absolute path without . or .. segments",
        "\"var/lib/x\""), p.get(3));
    assertEquals(new ConfigProblem(6, "just some words", "key = value or a # comment", "a line without ="),
        p.get(4));
    assertEquals(7, p.get(5).line());
    assertTrue(p.get(5).expected().startsWith("a duration such as 500ms, 10s"), p.get(5).expected());
    assertEquals(new ConfigProblem(8, "proxy_mode", "one of per-address|interface", "\"PER-ADDRESS\""),
        p.get(6));
    assertEquals(new ConfigProblem(9, "tls", "on or off", "\"yes\""), p.get(7));
    assertTrue(e.getMessage().contains("/etc/x.conf:line 9: tls: expected on or off, got \"yes\""),
        e.getMessage());
  }

  @Test
  void rejectsBadValuesForEachKind() {
    assertProblem("listen = example.org:8443", "listen", ListenAddress.EXPECTED);
    assertProblem("listen = 0.0.0.0", "listen", ListenAddress.EXPECTED);
    assertProblem("listen = 0.0.0.0:0", "listen", "a port 1..65535 after the last colon");
    assertProblem("listen = 0.0.0.0:65536", "listen", "a port 1..65535 after the last colon");
    assertProblem("listen = 256.0.0.1:1", "listen", "an IPv4 address with octets 0..255");
    assertProblem("listen = [zz::1]:1", "listen", ListenAddress.EXPECTED);
    assertProblem("listen = [::ffff:1.2.3.4]:1", "listen", "an IPv6 address inside [ ]");
    assertProblem("trunk_interface = eth/1", "trunk_interface", "an interface name of 1..15 bytes from [A-Za-z0-9._-]");
    assertProblem("trunk_interface = ..", "trunk_interface", "an interface name of 1..15 bytes from [A-Za-z0-9._-]");
    assertProblem("trunk_interface =", "trunk_interface", "an interface name of 1..15 bytes from [A-Za-z0-9._-]");
    assertProblem("secret_file = /etc/../secret", "secret_file", "an absolute path without . or .. segments");
    assertProblem("tls_keystore = /etc//k", "tls_keystore", "an absolute path without . or .. segments");
    assertProblem("max_body_bytes = 1023", "max_body_bytes", "a byte count 1024..67108864");
    assertProblem("max_body_bytes = 01024", "max_body_bytes", "a whole number 1..67108864");
    assertProblem("rate_limit_burst = 0", "rate_limit_burst", "a whole number 1..1000000");
    assertProblem("rate_limit_per_second = -5", "rate_limit_per_second", "a whole number 1..1000000");
    assertProblem("resync_interval = 25h", "resync_interval",
        "a duration such as 500ms, 10s, 5m or 1h between 100ms and 24h");
    assertProblem("log_level = verbose", "log_level", "one of error|warn|info|debug|trace");
    assertProblem("Listen = 0.0.0.0:1", "Listen", "a key of lowercase letters, digits and _");
    assertProblem("listen = 0.0.0.0:8443 # inline", "listen", "a port 1..65535 after the last colon");
  }

  @Test
  void loadReadsAFileAndNamesItInErrors(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("linuxrouterd.conf");
    Files.writeString(file, "uplink_interface = eth0\n");
    assertEquals(Optional.of(InterfaceName.of("eth0")), ConfigLoader.load(file).uplinkInterface());

    Files.writeString(file, "uplink_interface = eth 0\n");
    ConfigException bad = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
    assertTrue(bad.getMessage().startsWith(file + ": 1 problem\n" + file + ":line 1: uplink_interface:"),
        bad.getMessage());

    Files.write(file, new byte[] {'t', 'l', 's', '=', (byte) 0xff});
    ConfigException binary = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
    assertTrue(binary.getMessage().contains("expected UTF-8 text"), binary.getMessage());

    Path missing = dir.resolve("absent.conf");
    ConfigException absent = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));
    assertTrue(absent.getMessage().contains("cannot read configuration file " + missing), absent.getMessage());
  }

  @Test
  void handBuiltConfigsAreCheckedToo() {
    DaemonConfig d = DaemonConfig.defaults();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DaemonConfig(
        d.listen(), false, d.keystore(), d.secretFile(), d.stateDir(), d.trunkInterface(),
        d.uplinkInterface(), d.proxyMode(), d.resyncInterval(), d.maxBodyBytes(), d.rateLimit(), d.logLevel()));
    assertEquals("tls off: expected a loopback listen address, got 0.0.0.0:8443", e.getMessage());
    IllegalArgumentException path = assertThrows(IllegalArgumentException.class, () -> new DaemonConfig(
        d.listen(), true, d.keystore(), Path.of("secret"), d.stateDir(), d.trunkInterface(),
        d.uplinkInterface(), d.proxyMode(), d.resyncInterval(), d.maxBodyBytes(), d.rateLimit(), d.logLevel()));
    assertEquals("secretFile: expected an absolute path without . or .. segments, got \"secret\"",
        path.getMessage());
  }

  private static void assertProblem(String line, String key, String expected) {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("t", line));
    assertEquals(1, e.problems().size(), e.getMessage());
    ConfigProblem p = e.problems().get(0);
    assertEquals(1, p.line());
    assertEquals(key, p.key());
    assertEquals(expected, p.expected(), line);
  }

  private static String example() throws IOException {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(ConfigLoader.EXAMPLE_RESOURCE)) {
      assertTrue(in != null, "example resource missing");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
