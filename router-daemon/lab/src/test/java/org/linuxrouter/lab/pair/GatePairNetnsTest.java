package org.linuxrouter.lab.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.lab.DaemonProcess;
import org.linuxrouter.lab.PairNetns;
import org.linuxrouter.protocol.client.RouterClient;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.GuestService;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.PairState;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.net.NetnsGroup;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * The standby gate ({@code vrrp_takeover = gate}) with two real linuxrouterd processes and their real keepalived
 * on the host kernel, a VXLAN guest network (VNI 5001) and an upstream router:
 * <pre>
 *   router A ── trunk (VRRP, 169.254.77.0/24) ── router B
 *     │ └ under0 ─┐                     ┌─ under0 ┘ │     hv: bridge br0, the VXLAN underlay (198.51.100.0/24)
 *     │           hv: br0 + vxlan5001 ── brvx ── vm     and the management network (the APIs, the test JVM)
 *     └ uplink0 ── up: br1 203.0.113.254 ── uplink0 ┘   upstream: the VM's /24 on-link, answered by proxy ARP
 * </pre>
 * Both routers hold the gateways 10.70.0.1/24 and 2001:db8:70::1/64 (read with {@code ip -j}); before a failover
 * exactly one MAC, the master's, answers arping and ndisc6 for them, and the backup's guest link sends nothing at
 * all (its transmit counter stands still while the VM asks by ARP, NS, RS and ping; the master's moves). Then the
 * master's daemon and keepalived die by SIGKILL: the VM's ping to upstream goes on (longest gap ≤ 2 s) and within
 * 2 s its neighbour entries for both gateways hold B's MAC (B's announcements: a SIGKILLed daemon's kernel keeps its
 * open gate, so only the announcements move the VM). A started again closes its gate, stays backup (no
 * preemption) and answers nothing; both kernels equal desired state. Needs root, iproute2, nftables, keepalived,
 * iputils-arping, ndisc6 (ndisc6, rdisc6), dnsmasq.
 */
class GatePairNetnsTest {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Uuid NET = Uuid.parse("6a1b2c3d-0000-4000-8000-00000000ee01");
    private static final Uuid NIC = Uuid.parse("6a1b2c3d-0000-4000-8000-00000000ee11");
    private static final String GW4 = "10.70.0.1";
    private static final String GW6 = "2001:db8:70::1";
    private static final String LINK = "vxlan5001";
    private static final String UPSTREAM = "203.0.113.254";
    private static final Pattern ARP_REPLY = Pattern.compile("reply from \\S+ \\[([0-9A-Fa-f:]{17})\\]");
    private static final Pattern ND_MAC = Pattern.compile("Target link-layer address: ([0-9A-Fa-f:]{17})");
    private static final Pattern RA_FROM = Pattern.compile("^ from (fe80::\\S+)", Pattern.MULTILINE);

    @Test
    void onlyTheMasterAnswersAndTheBackupTakesOverWithinTwoSeconds(@TempDir Path dir) throws Exception {
        String tag = Long.toString(ProcessHandle.current().pid() % 100000);
        NetnsGroup made = new NetnsGroup("lrgt-");
        List<DaemonProcess> daemons = new ArrayList<>();
        try {
            Netns a = made.create("a" + tag);
            Netns b = made.create("b" + tag);
            Netns hv = made.create("h" + tag);
            Netns vm = made.create("v" + tag);
            Netns up = made.create("u" + tag);
            String mgmt = "100.64." + ((ProcessHandle.current().pid() % 200) + 20) + ".";
            wire(a, b, hv, vm, up, made.hostLink("lrgt" + tag), mgmt);
            DaemonProcess da = add(daemons, new DaemonProcess(a, Files.createDirectories(dir.resolve("a")),
                    mgmt + "1", settings(150, dir.resolve("a"))));
            DaemonProcess db = add(daemons, new DaemonProcess(b, Files.createDirectories(dir.resolve("b")),
                    mgmt + "2", settings(100, dir.resolve("b"))));
            da.start(START);
            RouterClient ca = da.client();
            assertTrue(eventually(() -> role(ca) == PairState.Role.MASTER), "A alone becomes master");
            db.start(START);
            RouterClient cb = db.client();
            assertTrue(eventually(() -> role(cb) == PairState.Role.BACKUP), "B joins as backup");
            for (RouterClient c : List.of(ca, cb)) {
                assertTrue(c.putNetwork(network()).status().isApplied());
                c.putNic(NET, nic());
            }
            assertTrue(DaemonProcess.converges(ca, WAIT) && DaemonProcess.converges(cb, WAIT), "both applied");
            assertTrue(eventually(() -> vm.exec("ping", "-c", "1", "-W", "1", UPSTREAM).succeeded()),
                    "the VM reaches upstream through the master");
            String macA = mac(a);
            String macB = mac(b);
            assertTrue(!macA.equals(macB), "two routers, two MACs");

            // Before the failover: both hold the gateways, only A's gate is open, only A answers, B sends nothing.
            assertGate(ca, a, true);
            assertGate(cb, b, false);
            for (Netns r : List.of(a, b)) {
                assertEquals(Set.of(GW4 + "/24", GW6 + "/64"), gateways(r), r.name() + " holds both gateways");
            }
            long txB = txPackets(b);
            long txA = txPackets(a);
            assertEquals(Set.of(macA), arpAnswerers(vm), "exactly one MAC, A's, answers ARP for the gateway");
            assertEquals(Set.of(macA), ndAnswerers(vm), "exactly one MAC, A's, answers NS for the IPv6 gateway");
            assertEquals(Set.of(linkLocal(a)), raSources(vm), "only A answers a router solicitation");
            assertTrue(vm.exec("ping", "-c", "3", "-i", "0.2", "-W", "1", GW4).succeeded());
            assertEquals(txB, txPackets(b), "B's guest link sent nothing while the VM asked it everything");
            assertTrue(txPackets(a) > txA, "A's counter moves (the measurement can see packets)");
            assertTrue(metrics(a, mgmt + "1").contains("\nlinuxrouter_vrrp_standby_gate_open 1\n"));
            assertTrue(metrics(b, mgmt + "2").contains("\nlinuxrouter_vrrp_takeover{mode=\"gate\"} 1\n"));

            // SIGKILL A's daemon and keepalived: B takes over; the VM follows B's announcements within 2 s.
            assertTrue(vm.exec("ping", "-6", "-c", "1", "-W", "1", GW6).succeeded(), "the VM knows both gateways");
            assertEquals(macA, neighbour(vm, GW4).orElseThrow());
            assertEquals(macA, neighbour(vm, GW6).orElseThrow());
            PingProbe probe = PingProbe.start("vm->upstream", vm, UPSTREAM, dir);
            Thread.sleep(1_000);
            long killedAt = System.currentTimeMillis();
            // killWithKeepalived also waits for the rest of the unit (dnsmasq) to exit: poll meanwhile
            Thread killer = da.killWithKeepalivedInBackground();
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            long moved4 = -1;
            long moved6 = -1;
            while ((moved4 < 0 || moved6 < 0) && System.nanoTime() < deadline) {
                if (moved4 < 0 && Optional.of(macB).equals(neighbour(vm, GW4))) {
                    moved4 = System.currentTimeMillis() - killedAt;
                }
                if (moved6 < 0 && Optional.of(macB).equals(neighbour(vm, GW6))) {
                    moved6 = System.currentTimeMillis() - killedAt;
                }
                Thread.sleep(10);
            }
            killer.join();
            long killTook = System.currentTimeMillis() - killedAt;
            boolean moved = moved4 >= 0 && moved6 >= 0;
            long movedAfter = Math.max(moved4, moved6);
            System.out.printf("gate takeover: killing A and its unit took %d ms; the VM's entry for %s on B after %d ms, for %s "
                    + "after %d ms%n", killTook, GW4, moved4, GW6, moved6);
            assertTrue(moved, "within 2 s the VM's entries hold B's MAC: " + neighbour(vm, GW4) + " "
                    + neighbour(vm, GW6));
            assertEquals(PairState.Role.MASTER, role(cb));
            // A's kernel, its daemon killed, still forwards with its gate open: the pings must now go through B.
            long rxB = rxPackets(b);
            Thread.sleep(2_000);
            ProbeResult pings = probe.stop();
            long viaB = rxPackets(b) - rxB;
            System.out.printf("gate takeover: neighbour entries on B after %d ms; %s; %d packets in on B's guest "
                    + "link in 2 s%n", movedAfter, pings.summary(killedAt), viaB);
            Files.readAllLines(db.log()).stream().filter(l -> l.contains("VRRP") || l.contains("standby gate"))
                    .forEach(l -> System.out.println("B: " + l));
            assertTrue(viaB >= 50, "the VM's pings (50/s) reach upstream through B: " + viaB + " packets");
            assertTrue(pings.answeredAfter(killedAt + 1_000) > 0, "pings answered after the takeover");
            assertTrue(pings.outageMillis(killedAt) <= 2_000, pings.summary(killedAt));
            assertEquals(0, pings.duplicates(), pings.summary(killedAt));
            assertGate(cb, b, true);
            assertTrue(Files.readString(db.log()).matches("(?s).*VRRP takeover: gate open in \\d+ ms, [1-9]\\d* "
                    + "gateway packets.*"), "B logged the takeover with its packet count");

            // A returns: its gate is closed at start, it stays backup, and B alone answers.
            da.start(START);
            assertTrue(eventually(() -> role(ca) == PairState.Role.BACKUP), "A returns as backup");
            assertTrue(DaemonProcess.converges(ca, WAIT) && DaemonProcess.converges(cb, WAIT), "both converge");
            assertGate(ca, a, false);
            assertEquals(PairState.Role.MASTER, role(cb), "no preemption");
            assertEquals(Set.of(macB), arpAnswerers(vm), "only B answers ARP now");
            assertEquals(Set.of(macB), ndAnswerers(vm), "only B answers NS now");
            for (Netns r : List.of(a, b)) {
                assertEquals(Set.of(GW4 + "/24", GW6 + "/64"), gateways(r), r.name() + " holds both gateways");
                assertEquals(Set.of("10.70.0.11", "2001:db8:70::11"), hostRoutes(r), r.name() + " routes the VM");
            }
            assertTrue(vm.exec("ping", "-c", "1", "-W", "1", UPSTREAM).succeeded(), "through B");
        } finally {
            for (DaemonProcess d : daemons) {
                d.close();
            }
            made.close();
        }
    }

    private static <T> T add(List<? super T> list, T item) {
        list.add(item);
        return item;
    }

    /** {@link PairNetns#wire}, plus the upstream segment and the VM behind hv's bridge for VNI 5001. */
    private static void wire(Netns a, Netns b, Netns hv, Netns vm, Netns up, String hostLink, String mgmt) {
        PairNetns.wire(a, b, hv, hostLink, mgmt);
        // upstream: one segment for both uplinks; the VM's /24 on-link there, answered by the master's proxy ARP
        PairNetns.uplinks(a, b, up, UPSTREAM, "10.70.0.0/24");
        // CloudStack's KVM host side of VNI 5001: a bridge with the VXLAN device and the VM's tap
        hv.ip().run("link", "add", "brvx5001", "type", "bridge");
        hv.vethTo(vm, "vnet0", "eth0");
        for (String port : List.of(LINK, "vnet0")) {
            hv.ip().run("link", "set", port, "master", "brvx5001");
            hv.ip().run("link", "set", port, "mtu", "1450", "up");
        }
        hv.ip().run("link", "set", "brvx5001", "up");
        vm.ip().run("link", "set", "eth0", "address", "52:54:00:70:00:11", "mtu", "1450", "up");
        vm.ip().run("link", "set", "lo", "up");
        vm.ip().run("addr", "add", "10.70.0.11/24", "dev", "eth0");
        vm.ip().run("addr", "add", "2001:db8:70::11/64", "dev", "eth0", "nodad");
        vm.ip().run("route", "add", "default", "via", GW4);
        vm.ip().run("-6", "route", "add", "default", "via", GW6);
    }

    private static List<String> settings(int priority, Path dir) {
        return List.of("trunk_interface = trunk", "uplink_interface = uplink0", "vrrp = on",
                "vrrp_priority = " + priority, "vrrp_advert_interval = 100ms", "vrrp_takeover = gate",
                "vxlan_underlay = under0", "vxlan_mode = unicast", "vxlan_vteps = 198.51.100.3", "metadata = on",
                "dnsmasq_dir = " + dir.resolve("dnsmasq"));
    }

    private static NetworkSpec network() {
        return NetworkSpec.builder().uuid(NET).segment(Segment.vxlan(5001)).mtu(1450)
                .gateway4(GatewayAddress.parse(GW4 + "/24")).gateway6(GatewayAddress.parse(GW6 + "/64"))
                .services(List.of(GuestService.DHCP, GuestService.DNS)).build();
    }

    private static NicSpec nic() {
        return NicSpec.builder().uuid(NIC).mac(MacAddress.parse("52:54:00:70:00:11"))
                .ipv4(List.of(IpAddress.parse("10.70.0.11"))).ipv6(List.of(IpAddress.parse("2001:db8:70::11")))
                .build();
    }

    /** Status says gate mode with the gate as expected, and the kernel's nft table agrees (drop rules iff closed). */
    private static void assertGate(RouterClient c, Netns r, boolean open) {
        PairState pair = pair(c);
        assertEquals(Optional.of(PairState.Takeover.GATE), pair.takeover());
        assertEquals(Optional.of(open), pair.gateOpen(), r.name() + ": " + pair);
        for (String family : List.of("inet", "arp")) {
            String table = r.exec("nft", "list", "table", family, "linuxrouter_standby").requireSuccess().stdout();
            assertEquals(open ? 0 : 2, table.split("@guests drop", -1).length - 1, r.name() + " " + family + ":\n"
                    + table);
            assertTrue(table.contains("\"" + LINK + "\""), "the guest link is in the set: " + table);
        }
    }

    /** Every MAC that answered arping's requests for the IPv4 gateway. */
    private static Set<String> arpAnswerers(Netns vm) {
        CommandResult r = vm.exec("arping", "-c", "3", "-w", "3", "-I", "eth0", GW4);
        return matches(ARP_REPLY, r.stdout());
    }

    /** Every MAC that answered ndisc6's solicitations for the IPv6 gateway ({@code -m}: all answers). */
    private static Set<String> ndAnswerers(Netns vm) {
        CommandResult r = vm.exec("ndisc6", "-m", "-r", "2", "-w", "1000", GW6, "eth0");
        return matches(ND_MAC, r.stdout());
    }

    /** The link-local source of every router advertisement answering rdisc6's solicitations. */
    private static Set<String> raSources(Netns vm) {
        CommandResult r = vm.exec("rdisc6", "-m", "-n", "-r", "2", "-w", "1500", "eth0");
        return matches(RA_FROM, r.stdout());
    }

    private static Set<String> matches(Pattern p, String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1).toLowerCase());
        }
        return out;
    }

    private static String mac(Netns r) {
        return r.ip().json("link", "show", "dev", LINK).get(0).path("address").asText().toLowerCase();
    }

    private static String linkLocal(Netns r) {
        for (JsonNode a : r.ip().json("-6", "addr", "show", "dev", LINK).get(0).path("addr_info")) {
            if ("link".equals(a.path("scope").asText())) {
                return a.path("local").asText();
            }
        }
        throw new AssertionError("no link-local address on " + LINK + " in " + r.name());
    }

    private static long rxPackets(Netns r) {
        return r.ip().json("-s", "link", "show", "dev", LINK).get(0).path("stats64").path("rx").path("packets")
                .asLong();
    }

    private static long txPackets(Netns r) {
        return r.ip().json("-s", "link", "show", "dev", LINK).get(0).path("stats64").path("tx").path("packets")
                .asLong();
    }

    /** The VM's neighbour entry for {@code address}: its MAC, if it has one. */
    private static Optional<String> neighbour(Netns vm, String address) {
        for (JsonNode n : vm.ip().json("neigh", "show", "to", address, "dev", "eth0")) {
            if (n.has("lladdr")) {
                return Optional.of(n.path("lladdr").asText().toLowerCase());
            }
        }
        return Optional.empty();
    }

    private static Set<String> gateways(Netns r) {
        Set<String> out = new TreeSet<>();
        for (JsonNode link : r.ip().json("addr", "show", "dev", LINK)) {
            for (JsonNode a : link.path("addr_info")) {
                if (!"link".equals(a.path("scope").asText())) {
                    out.add(a.path("local").asText() + "/" + a.path("prefixlen").asInt());
                }
            }
        }
        return out;
    }

    private static Set<String> hostRoutes(Netns r) {
        Set<String> out = new TreeSet<>();
        for (String family : List.of("-4", "-6")) {
            for (JsonNode route : r.ip().json(family, "route", "show", "dev", LINK)) {
                String dst = route.path("dst").asText();
                if (!dst.contains("/") && !dst.startsWith("fe80") && !"kernel".equals(route.path("protocol").asText())) {
                    out.add(dst);
                }
            }
        }
        return out;
    }

    private static String metrics(Netns ns, String address) {
        return PairNetns.metrics(ns, address);
    }

    private static PairState pair(RouterClient c) {
        return PairNetns.pair(c);
    }

    private static PairState.Role role(RouterClient c) {
        return PairNetns.role(c);
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        return PairNetns.eventually(WAIT, condition);
    }
}
