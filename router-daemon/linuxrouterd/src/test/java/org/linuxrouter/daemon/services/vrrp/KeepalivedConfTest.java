package org.linuxrouter.daemon.services.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.daemon.config.VrrpConfig;
import org.linuxrouter.daemon.kernel.InterfaceAddress;
import org.linuxrouter.protocol.model.InterfaceName;

/** The rendered keepalived.conf, and keepalived's own parser (-t) on it: accepted at 4,094 networks. */
class KeepalivedConfTest {

    private static final Path KEEPALIVED = Path.of("/usr/sbin/keepalived");

    @Test
    void rendersOneInstanceWithEveryGatewayExcludedFromAdverts() throws Exception {
        VrrpConfig c = new VrrpConfig(Optional.empty(), 51, 120, Duration.ofMillis(150), false,
                List.of(InetAddress.getByName("169.254.77.2")), Optional.of(InetAddress.getByName("169.254.77.1")),
                Optional.empty(), KEEPALIVED);
        KeepalivedConf conf = new KeepalivedConf(c, InterfaceName.of("eth1"), Optional.of(InterfaceName.of("eth0")),
                Path.of("/var/lib/linuxrouter/vrrp/notify.fifo"));
        String text = conf.render(Set.of(
                new InterfaceAddress("eth1.100", InetAddress.getByName("10.1.1.1"), 24),
                new InterfaceAddress("eth1.100", InetAddress.getByName("2001:db8:1::1"), 64)));
        assertTrue(text.contains("  interface eth1\n  virtual_router_id 51\n  priority 60\n  advert_int 0.15\n"
                + "  nopreempt\n  track_file {\n    linuxrouter_sticky\n  }\n  unicast_src_ip 169.254.77.1\n  unicast_peer {\n    169.254.77.2\n  }\n"
                + "  track_interface {\n    eth0\n  }\n"), text);
        assertTrue(text.contains("  virtual_ipaddress {\n    169.254.255.51/32 dev eth1\n  }\n"), text);
        assertTrue(text.contains("  virtual_ipaddress_excluded {\n    10.1.1.1/24 dev eth1.100\n"
                + "    2001:db8:1:0:0:0:0:1/64 dev eth1.100\n  }\n"), text);
        assertTrue(text.contains("  notify_fifo /var/lib/linuxrouter/vrrp/notify.fifo\n"), text);
        assertTrue(text.contains("  vrrp_version 3\n"), text);
        assertTrue(text.contains("  vrrp_netlink_monitor_rcv_bufs 16777216\n  vrrp_netlink_monitor_rcv_bufs_force\n"),
                text);
    }

    @Test
    void preemptionIsOnlyThereWhenAskedFor() {
        VrrpConfig d = VrrpConfig.defaults();
        VrrpConfig preempt = new VrrpConfig(d.vrrpInterface(), d.routerId(), d.priority(), d.advertInterval(), true,
                d.unicastPeers(), d.unicastSource(), d.pairAddress(), d.keepalived());
        Path fifo = Path.of("/run/x/notify.fifo");
        assertTrue(new KeepalivedConf(d, InterfaceName.of("eth1"), Optional.empty(), fifo).render(Set.of())
                .contains("nopreempt"));
        assertTrue(!new KeepalivedConf(preempt, InterfaceName.of("eth1"), Optional.empty(), fifo).render(Set.of())
                .contains("nopreempt"));
    }

    /**
     * Priorities halved into 1..127 and a sticky router's +127 on top, so a sticky master outranks every router
     * that is not (254 against 1 included) and two sticky ones keep their order. Without preemption a track file
     * adds it once the router has been master for a while; with preemption it is always there (no track file).
     */
    @Test
    void stickinessOnlyWithoutPreemption() {
        Path fifo = Path.of("/run/x/notify.fifo");
        for (int p : List.of(1, 2, 100, 110, 253, 254)) {
            VrrpConfig off = withPriority(p, false);
            KeepalivedConf conf = new KeepalivedConf(off, InterfaceName.of("eth1"), Optional.empty(), fifo);
            String text = conf.render(Set.of());
            int rendered = (p + 1) / 2;
            assertTrue(text.contains("  priority " + rendered + "\n"), text);
            assertTrue(rendered >= 1 && rendered <= 127, "base " + rendered);
            assertTrue(rendered + KeepalivedConf.STICKY_WEIGHT <= 254, "sticky within VRRP's 254");
            assertTrue(rendered + KeepalivedConf.STICKY_WEIGHT > 127, "sticky above every base");
            assertTrue(text.contains("track_file linuxrouter_sticky {\n  file \"/run/x/sticky\"\n  weight 127\n"
                    + "  init_file 0\n}\n"), text);
            assertEquals(Optional.of(Path.of("/run/x/sticky")), conf.stickyFile());

            KeepalivedConf on = new KeepalivedConf(withPriority(p, true), InterfaceName.of("eth1"), Optional.empty(),
                    fifo);
            String preempt = on.render(Set.of());
            assertTrue(preempt.contains("  priority " + (rendered + 127) + "\n"), preempt);
            assertTrue(!preempt.contains("track_file"), preempt);
            assertEquals(Optional.empty(), on.stickyFile());
        }
    }

    private static VrrpConfig withPriority(int priority, boolean preempt) {
        VrrpConfig d = VrrpConfig.defaults();
        return new VrrpConfig(d.vrrpInterface(), d.routerId(), priority, d.advertInterval(), preempt,
                d.unicastPeers(), d.unicastSource(), d.pairAddress(), d.keepalived());
    }

    @Test
    void advertIntervalsAreCentiseconds() {
        assertEquals("0.05", KeepalivedConf.seconds(50));
        assertEquals("1.00", KeepalivedConf.seconds(1000));
        assertEquals("40.95", KeepalivedConf.seconds(40_950));
    }

    /** keepalived itself accepts 4,094 networks' IPv4 and IPv6 gateways in one instance (and refuses junk). */
    @Test
    void keepalivedAcceptsTheRenderedFileAtFullScaleAndRefusesABrokenOne(@TempDir Path dir) throws Exception {
        Keepalived keepalived = new Keepalived(KEEPALIVED, dir);
        keepalived.prepare();
        Set<InterfaceAddress> gateways = new HashSet<>();
        for (int vid = 1; vid <= 4094; vid++) {
            String link = "eth1." + vid;
            gateways.add(new InterfaceAddress(link, InetAddress.getByName("10." + (vid >> 8) + "." + (vid & 255) + ".1"),
                    24));
            gateways.add(new InterfaceAddress(link, InetAddress.getByName("2001:db8:" + Integer.toHexString(vid)
                    + "::1"), 64));
        }
        String text = new KeepalivedConf(VrrpConfig.defaults(), InterfaceName.of("eth1"), Optional.empty(),
                keepalived.notifyFifo()).render(gateways);
        assertEquals(Optional.empty(), keepalived.check(text));
        Optional<String> refused = keepalived.check(text.replace("priority 50", "priorty 50"));
        assertTrue(refused.orElseThrow().contains("Unknown keyword 'priorty'"), refused.toString());
    }
}
