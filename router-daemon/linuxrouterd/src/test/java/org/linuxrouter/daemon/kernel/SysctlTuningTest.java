package org.linuxrouter.daemon.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.daemon.reconcile.DesiredSnapshot;

/** SysctlTuning against a /proc/sys-shaped temp tree: what is set, and when per-link values are read back. */
class SysctlTuningTest {

    @TempDir
    Path root;

    @Test
    void setsForwardingFirstThenPerLinkAndUplinkValues() throws IOException {
        tree("eth1.100", "eth0");
        SysctlTuning tuning = new SysctlTuning(new Sysctl(root), Optional.of("eth0"), clockAt(0));
        DesiredSnapshot desired = snapshot(Set.of("eth0"));

        assertEquals(List.of(), tuning.beforeLinks(desired));
        assertEquals("1", read("net/ipv4/ip_forward"));
        assertEquals("1", read("net/ipv6/conf/all/forwarding"));
        assertEquals(List.of(), tuning.afterLinks(desired, Set.of("eth1.100")));
        assertEquals("2", read("net/ipv4/conf/eth1.100/rp_filter"));
        assertEquals("0", read("net/ipv4/conf/eth1.100/proxy_arp"));
        assertEquals("1", read("net/ipv4/conf/eth0/proxy_arp"), "interface mode on the uplink");
        assertEquals("0", read("net/ipv4/neigh/eth0/proxy_delay"));
        assertEquals("1", read("net/ipv6/conf/eth0/proxy_ndp"));
        assertEquals("0", read("net/ipv6/neigh/eth0/proxy_delay"), "an IPv6 proxy entry answers at once too");
    }

    @Test
    void multicastVxlanNetworksRaiseIgmpMaxMembershipsButNeverLowerIt() throws IOException {
        tree("eth0");
        write("net/ipv4/igmp_max_memberships", "20");
        write("net/core/optmem_max", "131072");
        java.util.Map<String, OwnedLink> links = new java.util.HashMap<>();
        for (int vni = 1; vni <= 30; vni++) {
            links.put("vxlan" + vni, new OwnedLink("vxlan" + vni, new LinkSpec.Vxlan(vni, "eth2",
                    Optional.of(InetAddress.getByName("239.0.0." + vni)), Optional.empty(), 10, 8472, true), "n" + vni,
                    0, true));
        }
        DesiredSnapshot desired = new DesiredSnapshot(new KernelState(links, Set.of(), Set.of(), Set.of()), Set.of(),
                Map.of());
        SysctlTuning tuning = new SysctlTuning(new Sysctl(root), Optional.empty(), clockAt(0));
        assertEquals(List.of(), tuning.beforeLinks(desired));
        assertEquals(String.valueOf(30 + SysctlTuning.IGMP_HEADROOM), read("net/ipv4/igmp_max_memberships"));
        assertEquals(String.valueOf(131072 + 30 * SysctlTuning.OPTMEM_PER_GROUP), read("net/core/optmem_max"));

        write("net/ipv4/igmp_max_memberships", "5000");
        assertEquals(List.of(), tuning.beforeLinks(desired));
        assertEquals("5000", read("net/ipv4/igmp_max_memberships"), "an operator's higher value stays");
    }

    /** A pair's backup keeps its proxy entries but its uplink neither forwards (no proxy ARP) nor proxies NDP. */
    @Test
    void aPairsBackupIsSilentUpstreamAndTheMasterAnswers() throws IOException {
        tree("eth1.100", "eth0");
        write("net/ipv4/conf/eth0/forwarding", "1");
        boolean[] master = {false};
        SysctlTuning tuning = new SysctlTuning(new Sysctl(root), Optional.of("eth0"), clockAt(0),
                Optional.of(() -> master[0]));
        DesiredSnapshot desired = snapshot(Set.of());
        assertEquals(List.of(), tuning.beforeLinks(desired));
        assertEquals(List.of(), tuning.afterLinks(desired, Set.of("eth1.100")));
        assertEquals("0", read("net/ipv4/conf/eth0/forwarding"), "backup: no proxy ARP replies");
        assertEquals("0", read("net/ipv6/conf/eth0/proxy_ndp"), "backup: no proxy NDP replies");
        assertEquals("1", read("net/ipv4/ip_forward"), "the router as a whole still forwards");

        master[0] = true;
        assertEquals(List.of(), tuning.applyRole());
        assertEquals("1", read("net/ipv4/conf/eth0/forwarding"), "takeover: answers at once, before any pass");
        assertEquals("1", read("net/ipv6/conf/eth0/proxy_ndp"));
        master[0] = false;
        assertEquals(List.of(), tuning.afterLinks(desired, Set.of()));
        assertEquals("0", read("net/ipv4/conf/eth0/forwarding"), "every pass enforces the role");
    }

    @Test
    void existingLinksAreReadBackOncePerSweepNotOnEveryPass() throws IOException {
        tree("eth1.100", "eth0");
        Instant[] now = {Instant.EPOCH};
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now[0];
            }
        };
        SysctlTuning tuning = new SysctlTuning(new Sysctl(root), Optional.of("eth0"), clock);
        DesiredSnapshot desired = snapshot(Set.of());
        tuning.afterLinks(desired, Set.of());
        write("net/ipv4/conf/eth1.100/rp_filter", "1"); // a hand change
        now[0] = now[0].plusSeconds(1);
        tuning.afterLinks(desired, Set.of());
        assertEquals("1", read("net/ipv4/conf/eth1.100/rp_filter"), "not read back between sweeps");
        now[0] = now[0].plus(SysctlTuning.SWEEP_INTERVAL);
        tuning.afterLinks(desired, Set.of());
        assertEquals("2", read("net/ipv4/conf/eth1.100/rp_filter"), "repaired by the sweep");
    }

    private static DesiredSnapshot snapshot(Set<String> proxyArp) throws IOException {
        OwnedLink link = new OwnedLink("eth1.100", new LinkSpec.Vlan("eth1", 100), "net", 0, true);
        KernelState kernel = new KernelState(Map.of("eth1.100", link),
                Set.of(new InterfaceAddress("eth1.100", InetAddress.getByName("2001:db8::1"), 64)),
                Set.of(), Set.of(new ProxyNeighbour(InetAddress.getByName("2001:db8::5"), "eth0")));
        return new DesiredSnapshot(kernel, proxyArp, Map.of("net", 1L));
    }

    private void tree(String... links) throws IOException {
        write("net/ipv4/ip_forward", "0");
        write("net/ipv6/conf/all/forwarding", "0");
        for (String l : links) {
            write("net/ipv4/conf/" + l + "/rp_filter", "0");
            write("net/ipv4/conf/" + l + "/proxy_arp", "0");
            write("net/ipv6/conf/" + l + "/proxy_ndp", "0");
            write("net/ipv4/neigh/" + l + "/proxy_delay", "80");
            write("net/ipv6/neigh/" + l + "/proxy_delay", "80");
        }
    }

    private void write(String relative, String value) throws IOException {
        Files.createDirectories(root.resolve(relative).getParent());
        Files.writeString(root.resolve(relative), value + "\n");
    }

    private String read(String relative) throws IOException {
        return Files.readString(root.resolve(relative)).trim();
    }

    private static Clock clockAt(long seconds) {
        return Clock.fixed(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
    }
}
