package org.linuxrouter.daemon.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sysctl against a directory laid out like /proc/sys: the read-compare-write logic and input checks. */
class SysctlTest {
  private static final FileTime LONG_AGO = FileTime.fromMillis(0);

  @TempDir
  Path root;
  private Sysctl sysctl;

  @BeforeEach
  void layOut() throws IOException {
    file("net/ipv4/ip_forward", "0\n");
    file("net/ipv6/conf/all/forwarding", "0\n");
    for (String dev : List.of("all", "default", "eth1.42")) {
      file("net/ipv4/conf/" + dev + "/proxy_arp", "0\n");
      file("net/ipv4/conf/" + dev + "/rp_filter", "0\n");
      file("net/ipv6/conf/" + dev + "/proxy_ndp", "0\n");
    }
    file("net/ipv4/neigh/default/proxy_delay", "80\n");
    file("net/ipv4/neigh/eth1.42/proxy_delay", "80\n");
    sysctl = new Sysctl(root);
  }

  @Test
  void writesOnlyWhatDiffersAndSaysSo() throws IOException {
    assertFalse(sysctl.ipv4Forwarding());
    assertTrue(sysctl.ipv4Forwarding(true));
    assertEquals("1\n", Files.readString(root.resolve("net/ipv4/ip_forward")));
    assertTrue(sysctl.ipv4Forwarding());

    Path forward = root.resolve("net/ipv4/ip_forward");
    Files.setLastModifiedTime(forward, LONG_AGO);
    assertFalse(sysctl.ipv4Forwarding(true), "already on: nothing to change");
    assertEquals(LONG_AGO, Files.getLastModifiedTime(forward), "an unchanged value must not be rewritten");
  }

  @Test
  void eachSettingLandsInItsFile() throws IOException {
    assertTrue(sysctl.ipv6Forwarding(true));
    assertTrue(sysctl.proxyArp("eth1.42", true));
    assertTrue(sysctl.proxyNdp("eth1.42", true));
    assertTrue(sysctl.proxyDelay("eth1.42", 0));
    assertTrue(sysctl.rpFilter("eth1.42", 2));
    assertTrue(sysctl.rpFilter("default", 1));
    assertTrue(sysctl.proxyArp("all", true));

    assertEquals("1", read("net/ipv6/conf/all/forwarding"));
    assertEquals("1", read("net/ipv4/conf/eth1.42/proxy_arp"));
    assertEquals("1", read("net/ipv6/conf/eth1.42/proxy_ndp"));
    assertEquals("0", read("net/ipv4/neigh/eth1.42/proxy_delay"));
    assertEquals("2", read("net/ipv4/conf/eth1.42/rp_filter"));
    assertEquals("1", read("net/ipv4/conf/default/rp_filter"));
    assertEquals("1", read("net/ipv4/conf/all/proxy_arp"));
    assertEquals("0", read("net/ipv4/conf/default/proxy_arp"));

    assertTrue(sysctl.ipv6Forwarding());
    assertTrue(sysctl.proxyArp("eth1.42"));
    assertTrue(sysctl.proxyNdp("eth1.42"));
    assertEquals(0, sysctl.proxyDelay("eth1.42"));
    assertEquals(2, sysctl.rpFilter("eth1.42"));
    assertFalse(sysctl.rpFilter("eth1.42", 2));
  }

  @Test
  void interfaceNamesAreCheckedBeforeAnyPathIsBuilt() {
    for (String bad : List.of("..", ".", "../../kernel", "a/b", "", "eth1 ", "0123456789abcdef", "ethé")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> sysctl.proxyArp(bad, true), bad);
      assertTrue(e.getMessage().startsWith("sysctl interface: expected all, default or an interface name"),
          e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> sysctl.rpFilter(null));
  }

  @Test
  void valuesAreCheckedBeforeWriting() throws IOException {
    IllegalArgumentException rp = assertThrows(IllegalArgumentException.class, () -> sysctl.rpFilter("all", 3));
    assertEquals("rp_filter of all: expected 0..2, got 3", rp.getMessage());
    IllegalArgumentException delay = assertThrows(IllegalArgumentException.class,
        () -> sysctl.proxyDelay("default", -1));
    assertEquals("proxy_delay of default: expected 0 or more, got -1", delay.getMessage());
    assertEquals("0", read("net/ipv4/conf/all/rp_filter"));
  }

  @Test
  void errorsNameThePath() throws IOException {
    Path missing = root.resolve("net/ipv4/conf/eth9/proxy_arp");
    UncheckedIOException absent = assertThrows(UncheckedIOException.class, () -> sysctl.proxyArp("eth9", true));
    assertTrue(absent.getMessage().startsWith(missing + ": expected a sysctl file, got none"), absent.getMessage());
    assertFalse(Files.exists(missing), "a missing sysctl must never be created");

    file("net/ipv4/conf/eth1.42/rp_filter", "strict\n");
    IllegalStateException garbage = assertThrows(IllegalStateException.class, () -> sysctl.rpFilter("eth1.42"));
    assertEquals(root.resolve("net/ipv4/conf/eth1.42/rp_filter") + ": expected an integer, got \"strict\"",
        garbage.getMessage());

    file("net/ipv4/ip_forward", "2\n");
    IllegalStateException notFlag = assertThrows(IllegalStateException.class, () -> sysctl.ipv4Forwarding());
    assertEquals(root.resolve("net/ipv4/ip_forward") + ": expected 0 or 1, got 2", notFlag.getMessage());

    assertThrows(IllegalArgumentException.class, () -> new Sysctl(Path.of("proc/sys")));
  }

  private void file(String relative, String content) throws IOException {
    Path path = root.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
  }

  private String read(String relative) throws IOException {
    return Files.readString(root.resolve(relative)).strip();
  }
}
