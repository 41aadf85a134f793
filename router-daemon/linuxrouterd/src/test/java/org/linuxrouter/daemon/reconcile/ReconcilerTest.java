package org.linuxrouter.daemon.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linuxrouter.daemon.kernel.InterfaceAddress;
import org.linuxrouter.daemon.kernel.KernelState;
import org.linuxrouter.daemon.kernel.Step;
import org.linuxrouter.daemon.testing.FakeKernel;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;

class ReconcilerTest {

    private static final String NET = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final FakeKernel kernel = new FakeKernel();
    private final AtomicReference<DesiredSnapshot> desired = new AtomicReference<>(DesiredSnapshot.EMPTY);
    private Reconciler reconciler;

    @AfterEach
    void stop() throws InterruptedException {
        if (reconciler != null) {
            reconciler.close();
        }
    }

    @Test
    void aWriteIsAppliedBeforeItsTicketCompletes() throws InterruptedException {
        start(Duration.ofMinutes(1));
        desired.set(snapshot(1));
        long ticket = reconciler.requestPass();
        assertTrue(reconciler.await(ticket, WAIT));
        assertEquals(desired.get().kernel(), kernel.observe());
        assertEquals(1, reconciler.outcome(NET).appliedRevision());
        assertTrue(reconciler.outcome(NET).lastError().isEmpty());
    }

    @Test
    void aHandDeletedLinkIsRestoredByThePeriodicResync() throws InterruptedException {
        desired.set(snapshot(1));
        start(Duration.ofMillis(50));
        assertTrue(reconciler.await(reconciler.requestPass(), WAIT));
        kernel.deleteLinkByHand("eth1.100");
        assertTrue(eventually(() -> desired.get().kernel().equals(kernel.observe())), "restored by resync");
        assertTrue(eventually(() -> reconciler.lastPass().isPresent()
                && reconciler.lastPass().get().drifted().isEmpty()), "later passes are clean");
        assertTrue(kernel.applied().stream().filter(s -> s instanceof Step.CreateLink).count() >= 2);
    }

    @Test
    void aFailingStepIsReportedRetriedWithBackoffAndRecovers() throws InterruptedException {
        kernel.failWhen(s -> s instanceof Step.AddRoute);
        desired.set(snapshot(2));
        start(Duration.ofMinutes(1));
        assertTrue(reconciler.await(reconciler.requestPass(), WAIT));
        NetworkOutcome failing = reconciler.outcome(NET);
        assertEquals(0, failing.appliedRevision());
        assertTrue(failing.lastError().orElseThrow().contains("add route 203.0.113.5"), failing.toString());
        assertTrue(failing.lastError().orElseThrow().contains("EPERM"), failing.toString());

        kernel.failWhen(s -> false);
        assertTrue(eventually(() -> reconciler.outcome(NET).appliedRevision() == 2), "retried without a new request");
        assertTrue(reconciler.outcome(NET).lastError().isEmpty());
    }

    @Test
    void removingTheNetworkRemovesEverythingItCreated() throws InterruptedException {
        desired.set(snapshot(1));
        start(Duration.ofMinutes(1));
        assertTrue(reconciler.await(reconciler.requestPass(), WAIT));
        desired.set(DesiredSnapshot.EMPTY);
        assertTrue(reconciler.await(reconciler.requestPass(), WAIT));
        assertEquals(KernelState.EMPTY, kernel.observe());
        assertEquals(NetworkOutcome.NONE, reconciler.outcome(NET));
    }

    @Test
    void anEventsPassWaitsForItsDelayButAWriteDoesNot() throws InterruptedException {
        desired.set(snapshot(1));
        start(Duration.ofMinutes(1));
        assertTrue(reconciler.await(reconciler.requestPass(), WAIT));
        long before = reconciler.passes();
        kernel.deleteLinkByHand("eth1.100");
        reconciler.requestPassWithin(Duration.ofMillis(300));
        Thread.sleep(100);
        assertEquals(before, reconciler.passes(), "not due yet");
        assertTrue(eventually(() -> desired.get().kernel().equals(kernel.observe())), "repaired once due");

        kernel.deleteLinkByHand("eth1.100");
        reconciler.requestPassWithin(Duration.ofMinutes(1));
        assertTrue(reconciler.await(reconciler.requestPass(), Duration.ofSeconds(2)), "a write runs at once");
        assertEquals(desired.get().kernel(), kernel.observe(), "and serves the pending event too");
    }

    /**
     * In a pair the gateway is keepalived's: the reconciler neither adds it (the backup must not hold it) nor
     * removes it when keepalived placed it on the master; everything else (link, route, proxy) is on both.
     */
    @Test
    void inAPairTheGatewayIsLeftToKeepalived() throws Exception {
        DesiredSnapshot pair = snapshot(1, true);
        desired.set(pair);
        start(Duration.ofMinutes(1));
        assertTrue(reconciler.await(reconciler.requestPass(), WAIT));
        KernelState backup = kernel.observe();
        assertTrue(backup.addresses().isEmpty(), "no gateway on the backup: " + backup.addresses());
        assertEquals(1, backup.routes().size());
        assertEquals(1, backup.proxies().size());
        InterfaceAddress gateway = new InterfaceAddress("eth1.100", java.net.InetAddress.getByName("10.1.1.1"), 24);
        assertEquals(java.util.Set.of(gateway), pair.virtualAddresses());

        kernel.addAddressByHand(gateway); // keepalived on becoming master
        long before = kernel.applied().size();
        assertTrue(reconciler.await(reconciler.requestPass(), WAIT));
        assertTrue(kernel.observe().addresses().contains(gateway), "the master keeps it");
        assertEquals(before, kernel.applied().size(), "no step touched it");
        assertTrue(reconciler.lastPass().orElseThrow().drifted().isEmpty());
    }

    @Test
    void awaitTimesOutWhenTheWorkerIsStopped() throws InterruptedException {
        start(Duration.ofMinutes(1));
        reconciler.close();
        assertFalse(reconciler.await(reconciler.requestPass(), Duration.ofMillis(200)));
    }

    private void start(Duration resync) {
        reconciler = new Reconciler(desired::get, kernel, HostTuning.NONE, Clock.systemUTC(), resync);
        reconciler.start();
    }

    private static DesiredSnapshot snapshot(long revision) {
        return snapshot(revision, false);
    }

    private static DesiredSnapshot snapshot(long revision, boolean pair) {
        NetworkSpec spec = NetworkSpec.builder()
                .uuid(Uuid.parse(NET))
                .segment(Segment.vlan(100))
                .gateway4(GatewayAddress.parse("10.1.1.1/24"))
                .build();
        NicSpec nic = NicSpec.builder()
                .uuid(Uuid.parse("bbbbbbbb-0000-4000-8000-000000000002"))
                .mac(MacAddress.parse("02:00:00:00:00:05"))
                .ipv4(List.of(IpAddress.parse("203.0.113.5")))
                .build();
        Topology topology = new Topology(InterfaceName.of("eth1"), java.util.Optional.of(InterfaceName.of("eth0")),
                org.linuxrouter.daemon.config.VxlanSettings.DEFAULTS, pair);
        DesiredKernel kernelState = new DesiredKernel(topology).add(spec, List.of(nic));
        return new DesiredSnapshot(kernelState.build(), java.util.Set.of(), Map.of(NET, revision),
                kernelState.virtualAddresses());
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
