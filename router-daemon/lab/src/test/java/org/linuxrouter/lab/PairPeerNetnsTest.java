package org.linuxrouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.protocol.client.RouterClient;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.GuestService;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.PairState;
import org.linuxrouter.protocol.model.Secret;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.protocol.model.VxlanMode;
import org.linuxrouter.protocol.model.VxlanOptions;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.net.NetnsGroup;
import org.linuxrouter.testkit.process.Command;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * Two real linuxrouterd processes with their own keepalived, linked by the peer channel, on the host kernel:
 * <pre>
 *   router A ── trunk (VRRP, 169.254.77.0/24) ── router B
 *       └─ under0 ─┐                    ┌─ under0 ─┘       one LAN, a bridge in "hv": the management network
 *                  hv: br0 198.51.100.3 + vxlan5001        (100.64.S.0/24: the APIs, the peer channel, and the
 *                      (VM 10.70.0.11, gateway 10.70.0.1)   test JVM on a veth from the host namespace) and the
 *                  └─ veth to the host namespace (.254)     VXLAN underlay (198.51.100.0/24); hv's vxlan5001
 * </pre>                                                    carries the VM's address itself
 * One scenario in order: A (priority 150) is master; the VM fetches and acknowledges its password on A and B
 * forgets it too; the VRRP link is cut with nftables (links stay up, so keepalived does not go FAULT) and both
 * daemons report the split brain (status, metrics, lrctl, log); the link returns, VRRP elects one master and the
 * flag clears; finally A stops, B takes over and does not hand the acknowledged password out again. Needs root,
 * iproute2, nftables, keepalived and curl.
 */
class PairPeerNetnsTest {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Uuid NET = Uuid.parse("5a1b2c3d-0000-4000-8000-00000000ee01");
    private static final Uuid NIC = Uuid.parse("5a1b2c3d-0000-4000-8000-00000000ee11");
    private static final String PASSWORD = "Pair-Tr0ub4dor";
    private static final String GATEWAY = "10.70.0.1";
    private static final String PAIR_ADDRESS = "169.254.255.51/32";

    @Test
    void passwordForgottenOnBothAndSplitBrainDetectedAndHealed(@TempDir Path dir) throws Exception {
        String tag = Long.toString(ProcessHandle.current().pid() % 100000);
        NetnsGroup made = new NetnsGroup("lrpp-");
        List<DaemonProcess> daemons = new ArrayList<>();
        try {
            Netns a = made.create("a" + tag);
            Netns b = made.create("b" + tag);
            Netns hv = made.create("h" + tag);
            String mgmt = "100.64." + ((ProcessHandle.current().pid() % 200) + 20) + ".";
            wire(a, b, hv, "lrpp" + tag, mgmt);
            Path dirA = Files.createDirectories(dir.resolve("a"));
            Path dirB = Files.createDirectories(dir.resolve("b"));
            String fpA = DaemonProcess.identity(dirA, mgmt + "1");
            String fpB = DaemonProcess.identity(dirB, mgmt + "2");
            DaemonProcess.peerSecret(dirA, dirB);
            DaemonProcess.peerSecret(dirB, dirA);
            DaemonProcess da = add(daemons, new DaemonProcess(a, dirA, mgmt + "1", settings(150, mgmt + "2",
                    fpB, dirA)));
            DaemonProcess db = add(daemons, new DaemonProcess(b, dirB, mgmt + "2", settings(100, mgmt + "1",
                    fpA, dirB)));
            da.start(START);
            RouterClient ca = da.client();
            assertTrue(eventually(() -> role(ca) == PairState.Role.MASTER), "A alone becomes master");
            db.start(START);
            RouterClient cb = db.client();
            assertTrue(eventually(() -> role(cb) == PairState.Role.BACKUP), "B joins as backup");
            assertTrue(eventually(() -> pair(ca).peer().map(p -> p.reachable()).orElse(false)
                    && pair(cb).peer().map(p -> p.reachable()).orElse(false)), "the peer channel is up both ways");
            assertFalse(pair(ca).splitBrain());
            assertEquals(Set.of(PAIR_ADDRESS), vrrpAddresses(a));
            assertEquals(Set.of(), vrrpAddresses(b));

            // 1. The plugin pushes the network and the NIC (with its one-time password) to both routers.
            for (RouterClient c : List.of(ca, cb)) {
                assertTrue(c.putNetwork(network()).status().isApplied());
                c.putNic(NET, nic());
                assertTrue(passwordSet(c));
            }
            assertTrue(eventually(() -> hv.exec("ping", "-c", "1", "-W", "1", GATEWAY).succeeded()),
                    "the VM reaches the gateway on the master");
            assertEquals(PASSWORD, password(hv, "send_my_password"));
            assertEquals("saved_password", password(hv, "saved_password"));
            assertTrue(eventually(() -> !passwordSet(cb)), "B forgot the password A's guest acknowledged");
            assertFalse(passwordSet(ca));
            assertTrue(eventually(() -> pair(ca).peer().orElseThrow().pendingForgets() == 0), "outbox drained");

            // A, master for a while now, is sticky (its priority raised over a returning router's); B is not.
            assertTrue(eventually(() -> pair(ca).sticky().orElse(false)), "A becomes a sticky master: " + pair(ca));
            assertEquals(java.util.Optional.of(false), pair(cb).sticky());
            assertTrue(metrics(a, mgmt + "1").contains("\nlinuxrouter_vrrp_sticky 1\n"));
            CommandResult sticky = lrctl(a, da, "status");
            assertTrue(sticky.stdout().contains("vrrp role            MASTER, sticky"), sticky.stdout());

            // 2. Cut the VRRP link (drop IP protocol 112 on A's trunk, both ways): both become MASTER.
            CommandResult cut = Command.run(List.of("ip", "netns", "exec", a.name(), "nft", "-f", "-"),
                    "table inet lrpp_cut {\n"
                    + " chain in { type filter hook input priority 0; iifname \"trunk\" ip protocol vrrp drop; }\n"
                    + " chain out { type filter hook output priority 0; oifname \"trunk\" ip protocol vrrp drop; }\n"
                    + "}\n", Duration.ofSeconds(20));
            assertTrue(cut.succeeded(), cut.toString());
            long cutAt = System.nanoTime();
            assertTrue(eventually(() -> role(cb) == PairState.Role.MASTER), "B takes over: it hears no A");
            assertTrue(eventually(() -> pair(ca).splitBrain() && pair(cb).splitBrain()), "both see the split brain: "
                    + pair(ca) + " / " + pair(cb));
            System.out.printf("split brain reported by both daemons %d ms after the VRRP link was cut%n",
                    (System.nanoTime() - cutAt) / 1_000_000);
            assertEquals(PairState.Role.MASTER, role(ca));
            assertEquals(Set.of(PAIR_ADDRESS), vrrpAddresses(a));
            assertEquals(Set.of(PAIR_ADDRESS), vrrpAddresses(b), "both hold the VRRP addresses");
            assertTrue(metrics(a, mgmt + "1").contains("\nlinuxrouter_pair_split_brain 1\n"));
            CommandResult status = lrctl(a, da, "status");
            assertTrue(status.succeeded(), status.toString());
            assertTrue(status.stdout().contains("split brain          YES"), status.stdout());
            assertTrue(Files.readString(da.log()).contains("SPLIT BRAIN"), "logged");
            assertTrue(Files.readString(db.log()).contains("SPLIT BRAIN"), "logged on B too");

            // 3. The link returns: VRRP elects one master (A, the higher priority) and the flag clears.
            CommandResult restore = a.exec("nft", "delete", "table", "inet", "lrpp_cut");
            assertTrue(restore.succeeded(), restore.toString());
            long restoredAt = System.nanoTime();
            assertTrue(eventually(() -> role(ca) == PairState.Role.MASTER && role(cb) == PairState.Role.BACKUP),
                    "one master again: A " + role(ca) + ", B " + role(cb));
            assertTrue(eventually(() -> !pair(ca).splitBrain() && !pair(cb).splitBrain()), "the flag clears");
            System.out.printf("one master again and the split brain cleared %d ms after the link returned%n",
                    (System.nanoTime() - restoredAt) / 1_000_000);
            assertEquals(1, pair(ca).peer().orElseThrow().splitBrains());
            assertEquals(1, pair(cb).peer().orElseThrow().splitBrains());
            assertEquals(Set.of(), vrrpAddresses(b), "the backup dropped them");
            assertTrue(metrics(b, mgmt + "2").contains("\nlinuxrouter_pair_split_brain 0\n"));

            // 4. A stops (priority 0 advertisement): B takes over and does not serve the acknowledged password.
            da.close();
            assertTrue(eventually(() -> role(cb) == PairState.Role.MASTER), "B takes over");
            assertTrue(eventually(() -> hv.exec("ping", "-c", "1", "-W", "1", GATEWAY).succeeded()),
                    "the VM reaches the gateway on B");
            assertEquals("saved_password", password(hv, "send_my_password"), "B never hands it out again");
            assertTrue(eventually(() -> !pair(cb).peer().orElseThrow().reachable()), "B sees A gone");
            assertFalse(pair(cb).splitBrain(), "a peer that does not answer is no split brain");
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

    /** {@link PairNetns#wire}, with the VM's address on hv's VXLAN end itself. */
    private static void wire(Netns a, Netns b, Netns hv, String hostLink, String mgmt) {
        PairNetns.wire(a, b, hv, hostLink, mgmt);
        hv.ip().run("link", "set", PairNetns.VXLAN, "address", "52:54:00:70:00:11", "mtu", "1450", "up");
        hv.ip().run("addr", "add", "10.70.0.11/24", "dev", PairNetns.VXLAN);
    }

    private static List<String> settings(int priority, String peer, String peerFingerprint, Path dir) {
        return List.of("trunk_interface = trunk", "vrrp = on", "vrrp_priority = " + priority,
                "vrrp_advert_interval = 100ms", "vxlan_underlay = under0", "vxlan_mode = unicast",
                "vxlan_vteps = 198.51.100.3", "metadata = on", "dnsmasq_dir =",
                "pair_peer_url = https://" + peer + ":" + DaemonProcess.PORT,
                "pair_peer_fingerprint = " + peerFingerprint,
                "pair_peer_secret_file = " + dir.resolve("peer-secret"),
                "pair_peer_poll_interval = 300ms");
    }

    private static NetworkSpec network() {
        return NetworkSpec.builder().uuid(NET).segment(Segment.vxlan(5001)).gateway4(GatewayAddress.parse("10.70.0.1/24"))
                .services(List.of(GuestService.USERDATA)).build();
    }

    private static NicSpec nic() {
        return NicSpec.builder().uuid(NIC).mac(MacAddress.parse("52:54:00:70:00:11"))
                .ipv4(List.of(IpAddress.parse("10.70.0.11"))).password(Secret.of(PASSWORD)).build();
    }

    /** The VM's password request, as cloud-init's CloudStack datasource sends it. */
    private static String password(Netns vm, String request) {
        return vm.exec("curl", "-s", "--max-time", "5", "-H", "DomU_Request: " + request, "http://" + GATEWAY + ":8080/")
                .requireSuccess().stdout().strip();
    }

    private static boolean passwordSet(RouterClient client) {
        try {
            return client.getNetwork(NET).orElseThrow().nics().get(0).password().isPresent();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The VRRP instance's own address on the trunk: keepalived puts it on the master only. */
    private static Set<String> vrrpAddresses(Netns ns) {
        Set<String> out = new TreeSet<>();
        for (JsonNode link : ns.ip().json("addr", "show", "dev", "trunk")) {
            for (JsonNode addr : link.path("addr_info")) {
                if (addr.path("local").asText().startsWith("169.254.255.")) {
                    out.add(addr.path("local").asText() + "/" + addr.path("prefixlen").asInt());
                }
            }
        }
        return out;
    }

    private static CommandResult lrctl(Netns ns, DaemonProcess d, String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ns.name(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.linuxrouter.lrctl.Lrctl", "--config", d.config().toString()));
        argv.addAll(List.of(args));
        return Command.run(argv, null, Duration.ofMinutes(2));
    }

    private static PairState pair(RouterClient c) {
        return PairNetns.pair(c);
    }

    private static PairState.Role role(RouterClient c) {
        return PairNetns.role(c);
    }

    private static String metrics(Netns ns, String address) {
        return PairNetns.metrics(ns, address);
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        return PairNetns.eventually(WAIT, condition);
    }
}
