package org.linuxrouter.daemon.services.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.daemon.services.firewall.Nft;
import org.linuxrouter.testkit.net.Netns;

/**
 * The gate with the real nft in a router namespace, a VM namespace on a veth "guest" link: closed, the router's
 * gateway answers neither ARP (arping) nor neighbour solicitation (ndisc6) nor ping, and sends nothing out of the
 * link; open, it answers all three; a link taken out of the set answers although the gate is closed; a leftover
 * gate is removed completely. Needs root, iproute2, nftables, iputils-arping and ndisc6.
 */
class StandbyGateNetnsTest {

    @Test
    void closedSilencesTheGuestLinkAndOpenAnswers(@TempDir Path dir) {
        String tag = Long.toString(ProcessHandle.current().pid() % 100000);
        try (Netns r = Netns.create("lrgt-r" + tag); Netns vm = Netns.create("lrgt-v" + tag)) {
            r.vethTo(vm, "guest", "eth0");
            r.ip().run("addr", "add", "10.9.0.1/24", "dev", "guest");
            r.ip().run("addr", "add", "2001:db8:9::1/64", "dev", "guest", "nodad");
            vm.ip().run("addr", "add", "10.9.0.11/24", "dev", "eth0");
            vm.ip().run("addr", "add", "2001:db8:9::11/64", "dev", "eth0", "nodad");
            r.ip().run("link", "set", "guest", "up");
            vm.ip().run("link", "set", "eth0", "up");
            StandbyGate gate = new StandbyGate(new Nft(List.of("ip", "netns", "exec", r.name(), "nft"),
                    dir, "standby-gate"));

            gate.closeAtStart();
            assertEquals(List.of(), gate.sync(Set.of("guest", "vxlan5001")), "a link that does not exist yet is fine");
            assertFalse(gate.isOpen());
            assertFalse(answersArp(vm), "closed: no ARP answer for the gateway");
            assertFalse(answersNd(vm), "closed: no neighbour advertisement for the gateway");
            assertFalse(vm.exec("ping", "-c", "1", "-W", "1", "10.9.0.1").succeeded(), "closed: no echo reply");
            assertFalse(r.exec("ping", "-c", "1", "-W", "1", "10.9.0.11").succeeded(), "closed: nothing goes out");

            gate.open();
            assertTrue(gate.isOpen());
            assertTrue(answersArp(vm), "open: the gateway answers ARP");
            assertTrue(answersNd(vm), "open: the gateway answers NS");
            assertTrue(vm.exec("ping", "-c", "1", "-W", "2", "10.9.0.1").succeeded(), "open: echo reply");

            gate.close();
            assertFalse(answersArp(vm), "closed again");
            assertEquals(List.of(), gate.sync(Set.of("vxlan5001")), "the guest link leaves the set");
            assertTrue(answersArp(vm), "a link outside the set is never silenced");
            assertEquals(List.of(), gate.sync(Set.of("vxlan5001", "guest")));
            assertFalse(answersArp(vm), "back in the set: silent");
            String listed = r.exec("nft", "list", "set", "arp", StandbyGate.TABLE, "guests").requireSuccess().stdout();
            assertTrue(listed.contains("\"guest\"") && listed.contains("\"vxlan5001\""), listed);

            StandbyGate.removeLeftover(new Nft(List.of("ip", "netns", "exec", r.name(), "nft"), dir, "leftover"));
            assertTrue(answersArp(vm), "a leftover gate is removed (the mode switched to addresses)");
            assertFalse(r.exec("nft", "list", "table", "inet", StandbyGate.TABLE).succeeded(), "no table left");
        }
    }

    private static boolean answersArp(Netns vm) {
        return vm.exec("arping", "-c", "2", "-w", "2", "-I", "eth0", "10.9.0.1").succeeded();
    }

    private static boolean answersNd(Netns vm) {
        return vm.exec("ndisc6", "-1", "-r", "2", "-w", "500", "2001:db8:9::1", "eth0").succeeded();
    }
}
