package org.linuxrouter.daemon.services.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void appliedAsTheUnitDoesTheyCloseTheGateAndSilenceTheUplink(@TempDir Path dir) {
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
            PairExitFiles.write(state, true, Optional.of(InterfaceName.of("up.7")));
            r.exec("nft", "-f", state.resolve(PairExitFiles.NFT).toString()).requireSuccess();
            r.exec("sysctl", "-q", "-p", state.resolve(PairExitFiles.SYSCTL).toString()).requireSuccess();

            assertTrue(chain(r).contains("iifname @guests drop"), "closed after: " + chain(r));
            assertEquals("0", read(r, "net/ipv4/conf/up.7/forwarding"));
            assertEquals("0", read(r, "net/ipv6/conf/up.7/proxy_ndp"));
            assertTrue(r.exec("nft", "-f", state.resolve(PairExitFiles.NFT).toString()).succeeded(),
                    "applying it again (a clean stop after the daemon closed it itself) is fine");

            PairExitFiles.write(state, false, Optional.empty());
            assertFalse(Files.exists(state.resolve(PairExitFiles.NFT)), "a router on its own: no gate file");
            assertFalse(Files.exists(state.resolve(PairExitFiles.SYSCTL)), "and no uplink file");
        }
    }

    private static String chain(Netns r) {
        return r.exec("nft", "list", "chain", "inet", StandbyGate.TABLE, "prerouting").requireSuccess().stdout();
    }

    private static String read(Netns r, String key) {
        return r.exec("cat", "/proc/sys/" + key).requireSuccess().stdout().strip();
    }
}
