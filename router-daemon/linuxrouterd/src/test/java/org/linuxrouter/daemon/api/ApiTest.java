package org.linuxrouter.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.daemon.kernel.Step;
import org.linuxrouter.protocol.client.HttpRouterClient;
import org.linuxrouter.protocol.client.RouterRejectedException;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.protocol.model.VxlanMode;
import org.linuxrouter.protocol.model.VxlanOptions;

/** The API as CloudStack's plugin uses it: HttpRouterClient over pinned TLS, signed requests, a real state file. */
class ApiTest {

    static final Uuid NET_A = Uuid.parse("11111111-2222-4333-8444-555555555555");
    static final Uuid NET_B = Uuid.parse("21111111-2222-4333-8444-555555555555");
    static final Uuid NIC = Uuid.parse("31111111-2222-4333-8444-555555555555");

    @TempDir
    Path state;

    @Test
    void putIsAppliedBeforeItIsAnsweredAndIsIdempotent() throws Exception {
        try (ApiFixture api = new ApiFixture(state, true)) {
            HttpRouterClient client = api.client();
            NetworkState first = client.putNetwork(spec(NET_A, 100, "10.1.1.1/24"));
            assertTrue(first.status().isApplied(), first.toString());
            assertTrue(api.kernelState().links().containsKey("eth1.100"));
            assertTrue(Files.size(state.resolve("state.json")) > 0);

            NetworkState again = client.putNetwork(spec(NET_A, 100, "10.1.1.1/24"));
            assertEquals(first.status().desiredRevision(), again.status().desiredRevision(), "same spec, no new revision");
        }
    }

    @Test
    void nicsAreRoutedAndProxiedAndRemovedAgain() throws Exception {
        try (ApiFixture api = new ApiFixture(state, true)) {
            HttpRouterClient client = api.client();
            client.putNetwork(spec(NET_A, 100, "203.0.113.1/24"));
            NetworkState withNic = client.putNic(NET_A, nic("203.0.113.5"));
            assertTrue(withNic.status().isApplied());
            assertEquals(1, api.kernelState().routes().size());
            assertEquals(1, api.kernelState().proxies().size());
            assertEquals(1, client.status().nics());
            assertEquals(List.of(NET_A), client.listNetworks().stream().map(s -> s.spec().uuid()).toList());

            client.deleteNic(NET_A, NIC);
            assertTrue(api.kernelState().routes().isEmpty());
            client.deleteNetwork(NET_A);
            client.deleteNetwork(NET_A);
            assertTrue(api.kernelState().links().isEmpty());
            assertTrue(client.getNetwork(NET_A).isEmpty());
        }
    }

    @Test
    void conflictsAreRefusedWith409AndChangeNothing() throws Exception {
        try (ApiFixture api = new ApiFixture(state, true)) {
            HttpRouterClient client = api.client();
            client.putNetwork(spec(NET_A, 100, "10.1.1.1/24"));
            byte[] before = Files.readAllBytes(state.resolve("state.json"));

            RouterRejectedException vlan = assertThrows(RouterRejectedException.class,
                    () -> client.putNetwork(spec(NET_B, 100, "10.2.2.1/24")));
            assertEquals(409, vlan.problem().status());
            assertTrue(vlan.problem().detail().orElseThrow().contains("vlan://100"), vlan.problem().toString());

            RouterRejectedException overlap = assertThrows(RouterRejectedException.class,
                    () -> client.putNetwork(spec(NET_B, 200, "10.1.1.129/25")));
            assertEquals(409, overlap.problem().status());

            assertEquals(List.of(NET_A), client.listNetworks().stream().map(s -> s.spec().uuid()).toList());
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(state.resolve("state.json"))));
        }
    }

    @Test
    void vxlanNetworksAreValidatedAgainstTheUnderlayAndEachOther() throws Exception {
        try (ApiFixture api = new ApiFixture(state, true)) {
            HttpRouterClient client = api.client();
            NetworkSpec vxlan = spec(NET_A, 100, "10.1.1.1/24").newBuilder().segment(Segment.vxlan(5000)).build();
            assertTrue(client.putNetwork(vxlan).status().isApplied());
            assertTrue(api.kernelState().links().containsKey("vxlan5000"), api.kernelState().toString());
            byte[] before = Files.readAllBytes(state.resolve("state.json"));

            RouterRejectedException reused = assertThrows(RouterRejectedException.class, () -> client.putNetwork(
                    vxlan.newBuilder().uuid(NET_B).gateway4(GatewayAddress.parse("10.2.2.1/24")).build()));
            assertEquals(409, reused.problem().status());
            assertTrue(reused.problem().detail().orElseThrow().contains("vxlan://5000"), reused.problem().toString());

            RouterRejectedException noUnderlay = assertThrows(RouterRejectedException.class, () -> client.putNetwork(
                    spec(NET_B, 100, "10.2.2.1/24").newBuilder().segment(Segment.vxlan(5001))
                            .vxlan(new VxlanOptions(InterfaceName.of("eth9"), null, null, null)).build()));
            assertEquals(400, noUnderlay.problem().status());
            assertEquals("vxlan.underlay", noUnderlay.problem().field().orElseThrow());

            RouterRejectedException mtu = assertThrows(RouterRejectedException.class, () -> client.putNetwork(
                    spec(NET_B, 100, "10.2.2.1/24").newBuilder().segment(Segment.vxlan(5001)).mtu(1500).build()));
            assertEquals(400, mtu.problem().status());
            assertEquals("mtu", mtu.problem().field().orElseThrow());
            assertTrue(mtu.problem().detail().orElseThrow().contains("at most 1450"), mtu.problem().toString());

            RouterRejectedException noVteps = assertThrows(RouterRejectedException.class, () -> client.putNetwork(
                    spec(NET_B, 100, "10.2.2.1/24").newBuilder().segment(Segment.vxlan(5001))
                            .vxlan(new VxlanOptions(null, VxlanMode.UNICAST, null, null)).build()));
            assertEquals(400, noVteps.problem().status());
            assertEquals("vxlan.vteps", noVteps.problem().field().orElseThrow());

            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(state.resolve("state.json"))));
            // a VLAN with the same number is another link: no conflict
            assertTrue(client.putNetwork(spec(NET_B, 5, "10.2.2.1/24").newBuilder().segment(Segment.vlan(500))
                    .mtu(9000).build()).status().isApplied());
        }
    }

    @Test
    void aRestartedDaemonReappliesItsStoredState() throws Exception {
        try (ApiFixture api = new ApiFixture(state, true)) {
            api.client().putNetwork(spec(NET_A, 100, "10.1.1.1/24"));
            api.client().putNic(NET_A, nic("10.1.1.5"));
        }
        try (ApiFixture restarted = new ApiFixture(state, true)) {
            NetworkState s = restarted.client().getNetwork(NET_A).orElseThrow();
            assertEquals(1, s.nics().size());
            assertTrue(waitFor(() -> restarted.kernelState().links().containsKey("eth1.100")));
        }
    }

    @Test
    void aKernelRefusalIsStoredAndReportedNotHidden() throws Exception {
        try (ApiFixture api = new ApiFixture(state, true)) {
            api.kernel.failWhen(s -> s instanceof Step.CreateLink);
            NetworkState s = api.client().putNetwork(spec(NET_A, 100, "10.1.1.1/24"));
            assertFalse(s.status().isApplied());
            assertTrue(s.status().lastError().orElseThrow().contains("create link eth1.100"), s.toString());
            api.kernel.failWhen(x -> false);
            assertTrue(waitFor(() -> api.service.network(NET_A).orElseThrow().status().isApplied()), "retried");
        }
    }

    @Test
    void planShowsWhatAHandEditUndid() throws Exception {
        try (ApiFixture api = new ApiFixture(state, true)) {
            HttpRouterClient client = api.client();
            client.putNetwork(spec(NET_A, 100, "10.1.1.1/24"));
            assertTrue(client.plan().isEmpty());
            api.kernel.deleteLinkByHand("eth1.100");
            List<String> actions = client.plan().steps().stream().map(s -> s.action()).toList();
            assertEquals(List.of("create link eth1.100", "add address 10.1.1.1/24 dev eth1.100"), actions);
            assertEquals(NET_A, client.plan().steps().get(0).network().orElseThrow());
        }
    }

    static NetworkSpec spec(Uuid uuid, int vlan, String gateway) {
        return NetworkSpec.builder().uuid(uuid).segment(Segment.vlan(vlan)).gateway4(GatewayAddress.parse(gateway)).build();
    }

    static NicSpec nic(String address) {
        return NicSpec.builder().uuid(NIC).mac(MacAddress.parse("02:00:00:00:00:05"))
                .addAddress(IpAddress.parse(address)).build();
    }

    static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
