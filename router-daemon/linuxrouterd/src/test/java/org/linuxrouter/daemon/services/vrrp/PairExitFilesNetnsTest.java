package org.linuxrouter.daemon.services.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.daemon.config.VrrpTakeover;
import org.linuxrouter.daemon.kernel.InterfaceAddress;
import org.linuxrouter.daemon.services.firewall.Nft;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.testkit.net.Netns;

/**
 * The files systemd's ExecStopPost applies when the daemon is gone, applied the way the unit does ({@code nft -f},
 * {@code sysctl -q -p}) inside a namespace whose router was master: the open gate is closed and the uplink (a dotted
 * name, as a VLAN uplink has) stops forwarding and proxying NDP. A router on its own gets no files.
 */
class PairExitFilesNetnsTest {

    @Test
    void appliedAsTheUnitDoesTheyCloseTheGateAndSilenceTheUplink(@TempDir Path dir) throws Exception {
        String tag = Long.toString(ProcessHandle.current().pid() % 100000);
        try (Netns r = Netns.create("lrsp-r" + tag)) {
            r.ip().run("link", "add", "up.7", "type", "veth", "peer", "name", "guest");
            StandbyGate gate = new StandbyGate(new Nft(List.of("ip", "netns", "exec", r.name(), "nft"),
                    dir.resolve("nft"), "standby-gate"));
            gate.closeAtStart();
            assertEquals(List.of(), gate.sync(Set.of("guest")));
            gate.open();
            r.exec("sysctl", "-q", "-w", "net/ipv4/conf/up.7/forwarding=1").requireSuccess();
            r.exec("sysctl", "-q", "-w", "net/ipv6/conf/up.7/proxy_ndp=1").requireSuccess();
            assertFalse(chain(r).contains("drop"), "open before: " + chain(r));

            Path state = dir.resolve("state");
            PairExitFiles.write(state, Optional.of(VrrpTakeover.GATE), Optional.of(InterfaceName.of("up.7")));
            assertFalse(Files.exists(state.resolve(PairExitFiles.IP)), "gate mode: no virtual gateways to remove");
            r.exec("nft", "-f", state.resolve(PairExitFiles.NFT).toString()).requireSuccess();
            r.exec("sysctl", "-q", "-p", state.resolve(PairExitFiles.SYSCTL).toString()).requireSuccess();

            assertTrue(chain(r).contains("iifname @guests drop"), "closed after: " + chain(r));
            assertEquals("0", read(r, "net/ipv4/conf/up.7/forwarding"));
            assertEquals("0", read(r, "net/ipv6/conf/up.7/proxy_ndp"));
            assertTrue(r.exec("nft", "-f", state.resolve(PairExitFiles.NFT).toString()).succeeded(),
                    "applying it again (a clean stop after the daemon closed it itself) is fine");

            PairExitFiles.virtualGateways(state, Set.of(new InterfaceAddress("guest", InetAddress.getByName("10.3.0.1"),
                    24)));
            PairExitFiles.write(state, Optional.empty(), Optional.of(InterfaceName.of("up.7")));
            assertFalse(Files.exists(state.resolve(PairExitFiles.NFT)), "a router on its own: no gate file");
            assertFalse(Files.exists(state.resolve(PairExitFiles.SYSCTL)), "no uplink file");
            assertFalse(Files.exists(state.resolve(PairExitFiles.IP)), "and no gateway file left from a pair");
        }
    }

    /**
     * Addresses mode: keepalived's virtual gateways, left on a kernel whose keepalived was SIGKILLed, are removed by
     * {@code ip -force -batch} (a gateway already gone does not stop the rest); an empty set leaves no file.
     */
    @Test
    void addressesModeRemovesTheVirtualGatewaysKeepalivedLeftBehind(@TempDir Path dir) throws Exception {
        String tag = Long.toString(ProcessHandle.current().pid() % 100000);
        try (Netns r = Netns.create("lrsp-a" + tag)) {
            r.ip().run("link", "add", "eth1.100", "type", "veth", "peer", "name", "far");
            r.ip().run("addr", "add", "10.100.0.1/24", "dev", "eth1.100");
            r.ip().run("addr", "add", "2001:db8:100::1/64", "dev", "eth1.100", "nodad");
            r.ip().run("addr", "add", "10.101.0.2/24", "dev", "eth1.100"); // not a gateway: must stay
            Path state = dir.resolve("state");
            PairExitFiles.write(state, Optional.of(VrrpTakeover.ADDRESSES), Optional.empty());
            PairExitFiles.virtualGateways(state, Set.of(
                    new InterfaceAddress("eth1.100", InetAddress.getByName("10.100.0.1"), 24),
                    new InterfaceAddress("eth1.100", InetAddress.getByName("2001:db8:100::1"), 64),
                    new InterfaceAddress("eth1.200", InetAddress.getByName("10.200.0.1"), 24))); // link gone meanwhile
            assertFalse(Files.exists(state.resolve(PairExitFiles.NFT)), "addresses mode: no gate file");

            r.exec("ip", "-force", "-batch", state.resolve(PairExitFiles.IP).toString()); // fails on eth1.200: ignored
            String left = r.exec("ip", "-br", "addr", "show", "dev", "eth1.100").requireSuccess().stdout();
            assertFalse(left.contains("10.100.0.1/24") || left.contains("2001:db8:100::1/64"), left);
            assertTrue(left.contains("10.101.0.2/24"), "only the gateways go: " + left);

            PairExitFiles.virtualGateways(state, Set.of());
            assertFalse(Files.exists(state.resolve(PairExitFiles.IP)), "no virtual gateways, no file");
        }
    }

    private static String chain(Netns r) {
        return r.exec("nft", "list", "chain", "inet", StandbyGate.TABLE, "prerouting").requireSuccess().stdout();
    }

    private static String read(Netns r, String key) {
        return r.exec("cat", "/proc/sys/" + key).requireSuccess().stdout().strip();
    }
}
