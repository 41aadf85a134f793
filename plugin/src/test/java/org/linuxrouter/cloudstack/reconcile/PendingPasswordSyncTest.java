package org.linuxrouter.cloudstack.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linuxrouter.cloudstack.client.RouterEndpoint;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.NetworkPlacements;
import org.linuxrouter.cloudstack.registry.RouterScope;
import org.linuxrouter.cloudstack.testing.CloudStackVm;
import org.linuxrouter.cloudstack.testing.GuestNetworks;
import org.linuxrouter.cloudstack.testing.PluginFixture;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Secret;
import org.linuxrouter.protocol.model.Uuid;

import com.cloud.network.Network;
import com.cloud.vm.Nic;
import com.cloud.vm.NicProfile;
import com.cloud.vm.NicVO;
import com.cloud.vm.VirtualMachine;

/**
 * The resync of a pair member with a password kept for it: the member's NIC carries it (drift until delivered), the
 * PUT delivers it and drops it; the other member never gets it; a NIC the router holds a password for is not put
 * again without it. Over the recording router and CloudStack's beans as Mockito mocks (a VM whose offering gives
 * LinuxRouter UserData).
 */
class PendingPasswordSyncTest {
    private static final String NET = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private static final String NIC = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";
    private static final long NIC_ID = 42;

    private final PluginFixture plugin = new PluginFixture();
    private final RouterSync sync = new RouterSync(new HeldNetworks(plugin.placements, plugin.registries.entities(),
            plugin.nics, plugin.guestServices, plugin.pendingPasswords), plugin.gateway, plugin.registry,
            plugin.pendingPasswords);
    private final LinuxRouterVO r1 = plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE),
            "https://127.0.0.1:" + PluginFixture.closedPort(), null);
    private final LinuxRouterVO r2 = second();
    private final Network network = GuestNetworks.shared(5, NET, 100, "203.0.113.1", "203.0.113.0/24");

    @BeforeEach
    void aVmOnANetworkOfThePair() {
        NicProfile profile = GuestNetworks.nic(NIC, "02:00:00:00:00:0a", "203.0.113.10", null);
        new CloudStackVm(plugin, network, profile, NIC_ID, 61, "c2b0c2b0-0000-4000-8000-000000000061", "web-1", null,
                null);
        plugin.details.put(5, NetworkPlacements.ROUTER_KEY, r1.getUuid());
        plugin.details.put(5, NetworkPlacements.VLAN_KEY, "100");
        when(plugin.registries.entities().findById(eq(Network.class), eq(5L))).thenReturn(network);
        NicVO stored = mock(NicVO.class);
        when(stored.getId()).thenReturn(NIC_ID);
        when(stored.getUuid()).thenReturn(NIC);
        when(stored.getInstanceId()).thenReturn(61L);
        when(stored.isDefaultNic()).thenReturn(true);
        when(stored.getNetworkId()).thenReturn(5L);
        when(stored.getMacAddress()).thenReturn("02:00:00:00:00:0a");
        when(stored.getIPv4Address()).thenReturn("203.0.113.10");
        when(stored.getVmType()).thenReturn(VirtualMachine.Type.User);
        when(stored.getState()).thenReturn(Nic.State.Reserved);
        when(plugin.nics.listByNetworkId(5L)).thenReturn(List.of(stored));
        when(plugin.nics.findByUuid(NIC)).thenReturn(stored);
    }

    @Test
    void theMembersResyncDeliversTheKeptPasswordOnceAndDropsIt() throws Exception {
        plugin.pendingPasswords.keep(RouterEndpoint.of(r2), Uuid.parse(NIC), Secret.of("Pw-missed"));

        SyncReport first = sync.sync(r2, SyncMode.DIFFERENCES);

        assertEquals(List.of(), first.failures());
        assertEquals(Optional.of(Secret.of("Pw-missed")), held().password(), "sent with the nic");
        assertEquals(Map.of(), plugin.nicDetails.of(NIC_ID), "dropped once the router acknowledged it");
        SyncReport again = sync.sync(r2, SyncMode.EVERYTHING);
        assertEquals(0, again.applied(Repair.Kind.PUT_NIC), "the router holds a password: a put would erase it");
        assertEquals(Optional.of(Secret.of("Pw-missed")), held().password(), "still held for the VM");
    }

    @Test
    void aKeptPasswordIsDriftForItsMemberOnly() throws Exception {
        plugin.pendingPasswords.keep(RouterEndpoint.of(r2), Uuid.parse(NIC), Secret.of("Pw-missed"));
        List<HeldNetwork> forR1 = new HeldNetworks(plugin.placements, plugin.registries.entities(), plugin.nics,
                plugin.guestServices, plugin.pendingPasswords).forRouter(RouterEndpoint.of(r1),
                List.of(r1.getUuid(), r2.getUuid()));
        List<HeldNetwork> forR2 = new HeldNetworks(plugin.placements, plugin.registries.entities(), plugin.nics,
                plugin.guestServices, plugin.pendingPasswords).forRouter(RouterEndpoint.of(r2),
                List.of(r1.getUuid(), r2.getUuid()));
        assertEquals(Optional.empty(), forR1.get(0).nics().get(0).password());
        assertEquals(Optional.of(Secret.of("Pw-missed")), forR2.get(0).nics().get(0).password());
    }

    private NicSpec held() throws Exception {
        return plugin.router.getNetwork(Uuid.parse(NET)).orElseThrow().nics().get(0);
    }

    private LinuxRouterVO second() {
        LinuxRouterVO vo = new LinuxRouterVO();
        vo.setName("r2");
        vo.setScope(RouterScope.zone(GuestNetworks.ZONE), 2);
        vo.setUrl(PluginFixture.ROUTER_URL);
        vo.setSecret(r1.getSecret());
        vo.setFingerprint(r1.getFingerprint());
        return plugin.registries.dao().persist(vo);
    }
}
