package org.linuxrouter.daemon.services.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.daemon.config.VrrpConfig;
import org.linuxrouter.daemon.kernel.InterfaceAddress;
import org.linuxrouter.daemon.kernel.KernelState;
import org.linuxrouter.daemon.reconcile.DesiredSnapshot;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.testkit.net.Netns;

/**
 * Two VrrpServices, each with a real keepalived in its own network namespace (a two-line wrapper puts it there),
 * joined by a veth "trunk", each with a guest link for the gateways. Read back with {@code ip -j addr}: the
 * gateways are on the master only; a reload for a new network keeps mastership; a keepalived killed with SIGKILL is
 * started again by the supervisor, finds its stale gateways removed, and (no preemption) stays backup while the
 * peer holds every gateway. Needs root, iproute2 and keepalived.
 */
class VrrpPairNetnsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final InterfaceAddress GW4 = gateway("10.1.1.1", 24);
    private static final InterfaceAddress GW6 = gateway("2001:db8:1::1", 64);
    private static final InterfaceAddress GW4_NEW = gateway("10.2.2.1", 24);

    @Test
    void gatewaysFollowTheMasterThroughReloadAndAKilledKeepalived(@TempDir Path dir) throws Exception {
        String tag = Long.toString(ProcessHandle.current().pid() % 100000);
        AtomicReference<DesiredSnapshot> desired = new AtomicReference<>(snapshot(Set.of(GW4, GW6)));
        try (Netns a = Netns.create("lrv-a" + tag); Netns b = Netns.create("lrv-b" + tag)) {
            a.vethTo(b, "trunk", "trunk");
            a.ip().run("addr", "add", "169.254.77.1/24", "dev", "trunk");
            b.ip().run("addr", "add", "169.254.77.2/24", "dev", "trunk");
            for (Netns n : List.of(a, b)) {
                n.ip().run("link", "add", "guest", "type", "veth", "peer", "name", "vm");
                n.ip().run("link", "set", "trunk", "up");
                n.ip().run("link", "set", "guest", "up");
                n.ip().run("link", "set", "vm", "up");
            }
            try (VrrpService ra = service(a, dir, 150, desired)) {
                ra.start();
                assertTrue(eventually(() -> ra.status().state() == VrrpState.MASTER), "a alone becomes master");
                try (VrrpService rb = service(b, dir, 100, desired)) {
                    rb.start();
                    assertTrue(eventually(() -> rb.status().state() == VrrpState.BACKUP), "b joins as backup");
                    assertTrue(eventually(() -> gateways(a).equals(Set.of("10.1.1.1/24", "2001:db8:1::1/64"))),
                            "a holds both gateways: " + gateways(a));
                    assertEquals(Set.of(), gateways(b), "the backup holds none");

                    // A new network: a reload (SIGHUP) adds its gateway without dropping mastership.
                    long transitions = ra.status().transitions();
                    desired.set(snapshot(Set.of(GW4, GW6, GW4_NEW)));
                    assertTrue(eventually(() -> gateways(a).contains("10.2.2.1/24")), "new gateway on the master");
                    assertEquals(VrrpState.MASTER, ra.status().state());
                    assertEquals(transitions, ra.status().transitions(), "no transition on reload");
                    assertEquals(Set.of(), gateways(b));

                    // SIGKILL: the gateways stay behind on a for a moment; b takes over; a's keepalived comes back,
                    // removes them, and stays backup (no preemption) although its priority is higher.
                    long killed = ra.keepalivedPid().orElseThrow();
                    long t0 = System.nanoTime();
                    ProcessHandle.of(killed).orElseThrow().destroyForcibly();
                    assertTrue(eventually(() -> rb.status().state() == VrrpState.MASTER), "b takes over");
                    long takeoverMs = (System.nanoTime() - t0) / 1_000_000;
                    assertTrue(eventually(() -> ra.status().keepalivedRestarts() == 1
                            && ra.keepalivedPid().isPresent() && ra.keepalivedPid().get() != killed),
                            "the supervisor started keepalived again");
                    assertTrue(eventually(() -> ra.status().state() == VrrpState.BACKUP), "a is backup now");
                    assertTrue(eventually(() -> gateways(a).isEmpty()), "stale gateways removed: " + gateways(a));
                    assertEquals(Set.of("10.1.1.1/24", "10.2.2.1/24", "2001:db8:1::1/64"), gateways(b));
                    assertTrue(takeoverMs < 2_000, "takeover after " + takeoverMs + " ms");
                }
                // b leaves (SIGTERM, priority 0): a takes over at once.
                assertTrue(eventually(() -> ra.status().state() == VrrpState.MASTER), "a takes over when b stops");
                assertTrue(eventually(() -> gateways(a).size() == 3), "a holds them all: " + gateways(a));
            }
            assertTrue(eventually(() -> gateways(a).isEmpty()), "a stopped keepalived releases the gateways");
        }
    }

    private static VrrpService service(Netns ns, Path dir, int priority, AtomicReference<DesiredSnapshot> desired)
            throws Exception {
        Path wrapper = dir.resolve("keepalived-" + ns.name());
        // Test fixture only: the daemon itself runs keepalived in its own namespace, with no wrapper.
        Files.writeString(wrapper, "#!/bin/sh\nexec ip netns exec " + ns.name() + " /usr/sbin/keepalived \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        VrrpConfig config = new VrrpConfig(Optional.empty(), 51, priority, Duration.ofMillis(100), false, List.of(),
                Optional.empty(), Optional.empty(), wrapper);
        return new VrrpService(config, InterfaceName.of("trunk"), Optional.empty(), dir.resolve(ns.name()),
                desired::get, Clock.systemUTC(), s -> { });
    }

    private static DesiredSnapshot snapshot(Set<InterfaceAddress> gateways) {
        return new DesiredSnapshot(KernelState.EMPTY, Set.of(), Map.of(), gateways);
    }

    private static InterfaceAddress gateway(String address, int length) {
        try {
            return new InterfaceAddress("guest", InetAddress.getByName(address), length);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Global addresses on the guest link, as iproute2 shows them. */
    private static Set<String> gateways(Netns ns) {
        Set<String> out = new TreeSet<>();
        for (JsonNode link : ns.ip().json("addr", "show", "dev", "guest")) {
            for (JsonNode a : link.path("addr_info")) {
                if (!"link".equals(a.path("scope").asText())) {
                    out.add(a.path("local").asText() + "/" + a.path("prefixlen").asInt());
                }
            }
        }
        return out;
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
