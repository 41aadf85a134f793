package org.linuxrouter.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linuxrouter.protocol.model.InterfaceName;

/** The vrrp_* keys of linuxrouterd.conf: parsed, defaulted, and every bad value named by its key. */
class VrrpConfigTest {

  @Test
  void offByDefaultAndOnWithDefaults() {
    assertEquals(Optional.empty(), ConfigLoader.parse("t", "").vrrp());
    assertEquals(Optional.empty(), ConfigLoader.parse("t", "vrrp_priority = 200\n").vrrp(), "vrrp_* alone is off");
    VrrpConfig on = ConfigLoader.parse("t", "vrrp = on\n").vrrp().orElseThrow();
    assertEquals(VrrpConfig.defaults(), on);
    assertEquals(Duration.ofMillis(200), on.advertInterval());
    assertEquals(false, on.preempt(), "no failback unless asked for");
    assertEquals("169.254.255.51/32", on.effectivePairAddress(), "link-local, no tenant address");
    assertEquals(VrrpTakeover.GATE, on.takeover(), "every gateway on both routers, the standby gate, by default");
  }

  @Test
  void takeoverModes() {
    assertEquals(VrrpTakeover.GATE, ConfigLoader.parse("t", "vrrp = on\nvrrp_takeover = gate\n").vrrp()
        .orElseThrow().takeover());
    assertEquals(VrrpTakeover.ADDRESSES, ConfigLoader.parse("t", "vrrp = on\nvrrp_takeover = addresses\n").vrrp()
        .orElseThrow().takeover());
    problem("vrrp = on\nvrrp_takeover = Gate", 2, "vrrp_takeover", "addresses or gate");
    problem("vrrp_takeover = ", 1, "vrrp_takeover", "addresses or gate");
  }

  @Test
  void everyKeyLands() throws Exception {
    VrrpConfig c = ConfigLoader.parse("t", String.join("\n",
        "vrrp = on", "vrrp_interface = bond0.4000", "vrrp_router_id = 7", "vrrp_priority = 150",
        "vrrp_advert_interval = 100ms", "vrrp_preempt = on", "vrrp_unicast_peers = 169.254.77.2, 169.254.78.2",
        "vrrp_unicast_source = 169.254.77.1", "vrrp_pair_address = 169.254.77.254/24",
        "keepalived = /opt/k/keepalived")).vrrp().orElseThrow();
    assertEquals(Optional.of(InterfaceName.of("bond0.4000")), c.vrrpInterface());
    assertEquals(7, c.routerId());
    assertEquals(150, c.priority());
    assertEquals(Duration.ofMillis(100), c.advertInterval());
    assertTrue(c.preempt());
    assertEquals(List.of(InetAddress.getByName("169.254.77.2"), InetAddress.getByName("169.254.78.2")),
        c.unicastPeers());
    assertEquals(Optional.of(InetAddress.getByName("169.254.77.1")), c.unicastSource());
    assertEquals("169.254.77.254/24", c.effectivePairAddress());
  }

  @Test
  void badValuesNameTheirKey() {
    problem("vrrp_router_id = 256", 1, "vrrp_router_id", "a whole number 1..255");
    problem("vrrp_router_id = 0", 1, "vrrp_router_id", "a whole number 1..255");
    problem("vrrp_priority = 255", 1, "vrrp_priority", "a whole number 1..254");
    problem("vrrp_advert_interval = 15ms", 1, "vrrp_advert_interval", "a multiple of 10ms between 50ms and 40950ms");
    problem("vrrp_advert_interval = 41s", 1, "vrrp_advert_interval", "a multiple of 10ms between 50ms and 40950ms");
    problem("vrrp_unicast_peers = 169.254.77.2,,", 1, "vrrp_unicast_peers", "an IPv4 address such as 169.254.77.2");
    problem("vrrp_unicast_peers = fe80::1", 1, "vrrp_unicast_peers", "an IPv4 address such as 169.254.77.2");
    problem("vrrp_pair_address = 169.254.1.1", 1, "vrrp_pair_address",
        "an IPv4 address/length such as 169.254.255.51/32");
    problem("vrrp_pair_address = 169.254.1.1/33", 1, "vrrp_pair_address",
        "an IPv4 address/length such as 169.254.255.51/32");
    problem("vrrp_interface = eth 1", 1, "vrrp_interface", "an interface name of 1..15 bytes from [A-Za-z0-9._-]");
    problem("keepalived = keepalived", 1, "keepalived", "an absolute path without . or .. segments");
    problem("vrrp = yes", 1, "vrrp", "on or off");
  }

  @Test
  void aRuleAcrossKeysBlamesTheDependentKeysLine() {
    problem("vrrp = on\n\nvrrp_unicast_source = 169.254.77.1", 3, "vrrp_unicast_source",
        "only together with vrrp_unicast_peers");
  }

  /**
   * Values keepalived -t accepts (or refuses) but VRRP cannot work with: each stops at the configuration loader,
   * naming its key, so keepalived never sees it (probed with keepalived 2.2.7's -t: it refuses only the loopback
   * interface; 0.0.0.0, loopback, multicast and broadcast peers, sources and virtual addresses pass it).
   */
  @Test
  void valuesVrrpCannotWorkWithNeverReachKeepalived() {
    String host = "a unicast host address (not 0.x, loopback, multicast or broadcast)";
    for (String bad : List.of("0.0.0.0", "127.0.0.1", "224.0.0.18", "239.1.1.1", "255.255.255.255", "0.1.2.3")) {
      problem("vrrp = on\nvrrp_unicast_peers = 169.254.77.2, " + bad, 2, "vrrp_unicast_peers", host);
      problem("vrrp = on\nvrrp_unicast_peers = 169.254.77.2\nvrrp_unicast_source = " + bad, 3,
          "vrrp_unicast_source", host);
      problem("vrrp = on\nvrrp_pair_address = " + bad + "/32", 2, "vrrp_pair_address", host);
    }
    problem("vrrp = on\nvrrp_unicast_peers = 169.254.77.2,169.254.77.3,169.254.77.2", 2, "vrrp_unicast_peers",
        "each address once");
    problem("vrrp = on\nvrrp_unicast_peers = 169.254.77.2\nvrrp_unicast_source = 169.254.77.2", 3,
        "vrrp_unicast_source", "this router's own address, not one of vrrp_unicast_peers");
    problem("vrrp = on\nvrrp_unicast_peers = 169.254.77.2\nvrrp_pair_address = 169.254.77.2/24", 3,
        "vrrp_pair_address", "an address of its own, not a router's (vrrp_unicast_peers, vrrp_unicast_source)");
    problem("vrrp = on\nvrrp_unicast_peers = 169.254.77.2\nvrrp_unicast_source = 169.254.77.1\n"
        + "vrrp_pair_address = 169.254.77.1/32", 4, "vrrp_pair_address",
        "an address of its own, not a router's (vrrp_unicast_peers, vrrp_unicast_source)");
    problem("vrrp = on\nvrrp_interface = lo", 2, "vrrp_interface",
        "an interface to the peer router, not the loopback");
    problem("vrrp = on\ntrunk_interface = lo", 2, "trunk_interface",
        "an interface to the peer router for VRRP, not the loopback (or set vrrp_interface)");
    // link-local, the documented default range, stays fine; so does a loopback trunk when VRRP has its own link
    VrrpConfig ok = ConfigLoader.parse("t", "vrrp = on\nvrrp_unicast_peers = 169.254.77.2\n"
        + "vrrp_unicast_source = 169.254.77.1\nvrrp_pair_address = 169.254.255.7/32\n").vrrp().orElseThrow();
    assertEquals(1, ok.unicastPeers().size());
    assertTrue(ConfigLoader.parse("t", "vrrp = on\ntrunk_interface = lo\nvrrp_interface = eth2\n").vrrp()
        .isPresent());
  }

  /** Whatever the loader accepts, keepalived -t accepts too: the rendered file of an edge-case configuration. */
  @Test
  void whatTheLoaderAcceptsKeepalivedAccepts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    VrrpConfig edge = ConfigLoader.parse("t", String.join("\n", "vrrp = on", "vrrp_interface = a.b-c_d.4094",
        "vrrp_router_id = 255", "vrrp_priority = 254", "vrrp_advert_interval = 40950ms", "vrrp_preempt = on",
        "vrrp_unicast_peers = 169.254.77.2,10.255.255.254", "vrrp_unicast_source = 169.254.77.1",
        "vrrp_pair_address = 169.254.255.255/1")).vrrp().orElseThrow();
    String text = new org.linuxrouter.daemon.services.vrrp.KeepalivedConf(edge, InterfaceName.of("eth1"),
        Optional.of(InterfaceName.of("eth0")), dir.resolve("notify.fifo")).render(java.util.Set.of());
    java.nio.file.Path conf = dir.resolve("keepalived.conf");
    java.nio.file.Files.writeString(conf, text);
    org.linuxrouter.testkit.process.CommandResult r = org.linuxrouter.testkit.process.Command.run(
        List.of("/usr/sbin/keepalived", "-t", "-f", conf.toString()), null, Duration.ofSeconds(30));
    assertTrue(r.succeeded(), "keepalived -t refused what the loader accepted:\n" + text + "\n" + r);
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
