package org.linuxrouter.daemon.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * Sysctl against the real kernel: a child JVM runs it inside a fresh network namespace (net/* sysctls are per
 * namespace, so the host is never touched), and {@code sysctl -n} (Debian package procps) reads the result back.
 * Needs root and iproute2.
 */
class SysctlNetnsTest {
  private static final List<String> SETTINGS = List.of(
      "ipv4Forwarding=1", "ipv6Forwarding=1", "proxyArp:v0=1", "proxyNdp:v0=1", "proxyDelay:v0=0", "rpFilter:v0=2",
      "proxyDelay6:v0=0");

  @Test
  void setsRealSettingsOnceAndTheKernelShowsThem() {
    String hostForwarding = Sysctl.system().ipv4Forwarding() ? "1" : "0";
    try (Netns ns = Netns.create("lr-sysctl-" + ProcessHandle.current().pid())) {
      ns.ip().run("link", "add", "v0", "type", "veth", "peer", "name", "v1");

      assertEquals("true true true true true true true", runInside(ns, SETTINGS));
      assertEquals(List.of("1", "1", "1", "1", "0", "2", "0"), kernel(ns, "net.ipv4.ip_forward",
          "net.ipv6.conf.all.forwarding", "net.ipv4.conf.v0.proxy_arp", "net.ipv6.conf.v0.proxy_ndp",
          "net.ipv4.neigh.v0.proxy_delay", "net.ipv4.conf.v0.rp_filter", "net.ipv6.neigh.v0.proxy_delay"));
      assertEquals("false false false false false false false", runInside(ns, SETTINGS), "second pass changes nothing");
    }
    assertEquals(hostForwarding, Sysctl.system().ipv4Forwarding() ? "1" : "0", "the host must be untouched");
  }

  /** The ordering fact the class javadoc states: default is copied at creation; a written interface is pinned. */
  @Test
  void newInterfacesCopyDefaultAndWrittenInterfacesKeepTheirValue() {
    try (Netns ns = Netns.create("lr-sysctl-d" + ProcessHandle.current().pid())) {
      ns.ip().run("link", "add", "v0", "type", "veth", "peer", "name", "v1");
      assertEquals("true true", runInside(ns, List.of("rpFilter:v0=2", "rpFilter:default=1")));
      ns.ip().run("link", "add", "v2", "type", "veth", "peer", "name", "v3");
      assertEquals(List.of("2", "1", "1"),
          kernel(ns, "net.ipv4.conf.v0.rp_filter", "net.ipv4.conf.v1.rp_filter", "net.ipv4.conf.v2.rp_filter"),
          "v0 was written (kept), v1 never was (follows default), v2 is new (copied default)");
    }
  }

  @Test
  void aMissingInterfaceIsAnErrorNamingTheRealPath() {
    try (Netns ns = Netns.create("lr-sysctl-e" + ProcessHandle.current().pid())) {
      CommandResult result = child(ns, List.of("proxyArp:nosuch0=1"));
      assertEquals(3, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("/proc/sys/net/ipv4/conf/nosuch0/proxy_arp: expected a sysctl file"),
          result.stderr());
    }
  }

  @Test
  void readsTheRealProcSysInProcess() throws Exception {
    String text = Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).strip();
    assertEquals(text.equals("1"), Sysctl.system().ipv4Forwarding());
    assertEquals(Integer.parseInt(org.linuxrouter.testkit.process.Command.run(java.util.List.of("cat",
        "/proc/sys/net/ipv4/neigh/lo/proxy_delay")).requireSuccess().stdout().strip()),
        Sysctl.system().proxyDelay("lo"));
  }

  private static String runInside(Netns ns, List<String> ops) {
    CommandResult result = child(ns, ops);
    assertEquals(0, result.exitCode(), result.toString());
    return result.stdout().strip();
  }

  private static CommandResult child(Netns ns, List<String> ops) {
    List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Child.class.getName()));
    argv.addAll(ops);
    return ns.exec(argv.toArray(String[]::new));
  }

  private static List<String> kernel(Netns ns, String... keys) {
    List<String> argv = new ArrayList<>(List.of("sysctl", "-n"));
    argv.addAll(List.of(keys));
    return ns.exec(argv.toArray(String[]::new)).requireSuccess().stdout().lines().toList();
  }

  /** Runs in the namespace: applies {@code setting[:ifname]=value} arguments, prints whether each changed. */
  public static final class Child {
    private Child() {
    }

    public static void main(String[] args) {
      Sysctl sysctl = Sysctl.system();
      List<String> changed = new ArrayList<>();
      try {
        for (String op : args) {
          changed.add(String.valueOf(apply(sysctl, op)));
        }
      } catch (RuntimeException e) {
        System.err.println(e.getMessage());
        System.exit(3);
      }
      System.out.println(String.join(" ", changed));
    }

    private static boolean apply(Sysctl sysctl, String op) {
      String[] keyValue = op.split("=", 2);
      String[] setting = keyValue[0].split(":", 2);
      int value = Integer.parseInt(keyValue[1]);
      return switch (setting[0]) {
        case "ipv4Forwarding" -> sysctl.ipv4Forwarding(value == 1);
        case "ipv6Forwarding" -> sysctl.ipv6Forwarding(value == 1);
        case "proxyArp" -> sysctl.proxyArp(setting[1], value == 1);
        case "proxyNdp" -> sysctl.proxyNdp(setting[1], value == 1);
        case "proxyDelay" -> sysctl.proxyDelay(setting[1], value);
        case "proxyDelay6" -> sysctl.proxyDelay6(setting[1], value);
        case "rpFilter" -> sysctl.rpFilter(setting[1], value);
        default -> throw new IllegalArgumentException("unknown setting " + setting[0]);
      };
    }
  }
}
