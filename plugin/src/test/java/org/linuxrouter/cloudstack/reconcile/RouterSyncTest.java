package org.linuxrouter.cloudstack.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.NetworkPlacements;
import org.linuxrouter.cloudstack.registry.RouterScope;
import org.linuxrouter.cloudstack.testing.GuestNetworks;
import org.linuxrouter.cloudstack.testing.PluginFixture;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;

import com.cloud.network.Network;
import com.cloud.vm.Nic;
import com.cloud.vm.NicVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.dao.NicDao;

/**
 * Sync and the periodic reconciliation over CloudStack's tables (Mockito-made networks and NICs) and the recording
 * router: what CloudStack holds is what the router ends up with.
 */
class RouterSyncTest {
    private static final String NET = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private static final String STRAY = "99999999-0000-4000-8000-000000000009";
    private static final String VM_NIC = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";

    private final PluginFixture plugin = new PluginFixture();
    private final NicDao nics = mock(NicDao.class);
    private final RouterSync sync = new RouterSync(new HeldNetworks(plugin.placements, plugin.registries.entities(), nics),
            plugin.gateway, plugin.registry);
    private final LinuxRouterVO router = plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE),
            PluginFixture.ROUTER_URL, null);
    private final Network network = GuestNetworks.shared(5, NET, 100, "203.0.113.1", "203.0.113.0/24");

    @Test
    void aRouterThatLostItsStateGetsEveryHeldNetworkAndUserNicBackAndStraysRemoved() throws Exception {
        holdNetworkWithNics(nic(VM_NIC, "203.0.113.10", VirtualMachine.Type.User, Nic.State.Reserved),
                nic("0b1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d", "203.0.113.11", VirtualMachine.Type.DomainRouter,
                        Nic.State.Reserved),
                nic("0c1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d", "203.0.113.12", VirtualMachine.Type.User,
                        Nic.State.Deallocating));
        plugin.router.preload(NetworkSpec.builder().uuid(Uuid.parse(STRAY)).segment(Segment.vlan(300))
                .gateway4(GatewayAddress.parse("198.51.100.1/24")).build(), List.of());

        SyncReport report = sync.sync(router, SyncMode.DIFFERENCES);

        assertEquals(List.of("listNetworks", "putNetwork " + NET, "putNic " + NET + "/" + VM_NIC, "deleteNetwork " + STRAY),
                plugin.router.calls());
        assertEquals(1, report.held());
        assertEquals(1, report.applied(Repair.Kind.PUT_NETWORK));
        assertEquals(1, report.applied(Repair.Kind.DELETE_NETWORK));
        assertEquals(List.of(), report.failures());
        assertEquals(List.of(NET), plugin.router.listNetworks().stream().map(s -> s.spec().uuid().value())
                .collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void aSecondDifferencesSyncChangesNothingButEverythingPushesAgain() throws Exception {
        holdNetworkWithNics(nic(VM_NIC, "203.0.113.10", VirtualMachine.Type.User, Nic.State.Reserved));
        sync.sync(router, SyncMode.DIFFERENCES);
        long revision = plugin.router.revision(NET);

        SyncReport again = sync.sync(router, SyncMode.DIFFERENCES);
        SyncReport pushed = sync.sync(router, SyncMode.EVERYTHING);

        assertEquals(0, again.applied(Repair.Kind.PUT_NETWORK) + again.applied(Repair.Kind.PUT_NIC));
        assertEquals(1, pushed.applied(Repair.Kind.PUT_NETWORK));
        assertEquals(1, pushed.applied(Repair.Kind.PUT_NIC));
        assertEquals(revision, plugin.router.revision(NET), "pushing what the router holds is a no-op there");
    }

    @Test
    void networksBeingTornDownAreNotPushedBack() throws Exception {
        holdNetworkWithNics();
        when(network.getState()).thenReturn(Network.State.Destroy);
        SyncReport report = sync.sync(router, SyncMode.EVERYTHING);
        assertEquals(0, report.held());
        assertEquals(List.of("listNetworks"), plugin.router.calls());
    }

    @Test
    void theReconcilerGoesOnWhenOneRouterIsUnreachable() throws Exception {
        plugin.registries.router("down", RouterScope.zone(9), "https://127.0.0.1:" + PluginFixture.closedPort(), null);
        holdNetworkWithNics();
        ReconcileManager manager = new ReconcileManager(plugin.registry, sync);

        List<SyncReport> reports = manager.reconcileAll();

        assertEquals(1, reports.size(), "the unreachable router is logged, the other reconciled");
        assertTrue(reports.get(0).router().startsWith("router r1"), reports.get(0).router());
        assertEquals(1, plugin.router.listNetworks().size());
    }

    private void holdNetworkWithNics(NicVO... held) {
        plugin.details.put(5, NetworkPlacements.ROUTER_KEY, router.getUuid());
        plugin.details.put(5, NetworkPlacements.VLAN_KEY, "100");
        when(plugin.registries.entities().findById(eq(Network.class), eq(5L))).thenReturn(network);
        when(nics.listByNetworkId(5L)).thenReturn(List.of(held));
    }

    private static NicVO nic(String uuid, String ipv4, VirtualMachine.Type type, Nic.State state) {
        NicVO nic = mock(NicVO.class);
        when(nic.getUuid()).thenReturn(uuid);
        when(nic.getMacAddress()).thenReturn("02:00:00:00:00:" + ipv4.substring(ipv4.lastIndexOf('.') + 1));
        when(nic.getIPv4Address()).thenReturn(ipv4);
        when(nic.getVmType()).thenReturn(type);
        when(nic.getState()).thenReturn(state);
        return nic;
    }
}
