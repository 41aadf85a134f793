package org.linuxrouter.cloudstack.element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.NetworkPlacements;
import org.linuxrouter.cloudstack.registry.RouterScope;
import org.linuxrouter.cloudstack.testing.GuestNetworks;
import org.linuxrouter.cloudstack.testing.PluginFixture;
import org.linuxrouter.cloudstack.testing.Registries;
import org.linuxrouter.protocol.client.RouterUnreachableException;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.Uuid;

import com.cloud.exception.ResourceUnavailableException;
import com.cloud.network.Network;
import com.cloud.network.PhysicalNetworkServiceProvider;
import com.cloud.vm.NicProfile;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.VirtualMachineProfile;

/**
 * The element's methods as CloudStack's orchestrator calls them (Mockito-made Network, NicProfile, VM profile),
 * over the real lifecycle, registry, placements and gateway, with a recording in-memory router.
 */
class LinuxRouterElementTest {
    private static final String NET = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private static final String NIC = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";

    private final PluginFixture plugin = new PluginFixture();
    private final Network network = GuestNetworks.shared(5, NET, 100, "203.0.113.1", "203.0.113.0/24");
    private final NicProfile nic = GuestNetworks.nic(NIC, "02:00:4c:4f:4f:50", "203.0.113.10", null);

    @Test
    void prepareOnASharedNetworkPutsNetworkAndNicAndRecordsThePlacementFirst() throws Exception {
        LinuxRouterVO router = plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE), PluginFixture.ROUTER_URL, "eth1");

        assertTrue(plugin.element.prepare(network, nic, vm(VirtualMachine.Type.User), null, null));

        assertEquals(List.of("putNetwork " + NET, "putNic " + NET + "/" + NIC), plugin.router.calls());
        assertEquals(Map.of(NetworkPlacements.ROUTER_KEY, router.getUuid(), NetworkPlacements.VLAN_KEY, "100",
                NetworkPlacements.SEGMENT_KEY, "vlan://100"),
                plugin.details.of(5));
        NetworkState held = plugin.router.listNetworks().get(0);
        assertEquals("vlan://100", held.spec().segment().uri());
        assertEquals("203.0.113.1/24", held.spec().gateway4().toString());
        assertEquals("eth1", held.spec().trunk().orElseThrow().value());
        assertEquals("[203.0.113.10]", held.nics().get(0).addresses().toString());
    }

    @Test
    void aVxlanNetworkIsPutWithTheRegisteredUnderlayAndModeAndItsKindIsRecorded() throws Exception {
        LinuxRouterVO router = plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE), PluginFixture.ROUTER_URL, "eth1");
        router.setVxlanUnderlay("eth2");
        router.setVxlanMode("multicast");
        when(network.getBroadcastUri()).thenReturn(java.net.URI.create("vxlan://70000"));
        when(network.getBroadcastDomainType()).thenReturn(com.cloud.network.Networks.BroadcastDomainType.Vxlan);

        assertTrue(plugin.element.prepare(network, nic, vm(VirtualMachine.Type.User), null, null));

        assertEquals(Map.of(NetworkPlacements.ROUTER_KEY, router.getUuid(), NetworkPlacements.SEGMENT_KEY,
                "vxlan://70000"), plugin.details.of(5), "the kind is recorded; no vlan id for a vxlan network");
        NetworkState held = plugin.router.listNetworks().get(0);
        assertEquals("vxlan://70000", held.spec().segment().uri());
        assertEquals(java.util.Optional.empty(), held.spec().trunk());
        assertEquals("eth2", held.spec().vxlan().orElseThrow().underlay().orElseThrow().value());
        assertEquals("multicast", held.spec().vxlan().orElseThrow().mode().orElseThrow().wireName());

        plugin.element.destroy(network, null);
        assertEquals(List.of(), plugin.router.listNetworks(), "teardown finds the vxlan placement");
    }

    @Test
    void aSecondPrepareChangesNothingOnTheRouter() throws Exception {
        plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE), PluginFixture.ROUTER_URL, null);
        plugin.element.prepare(network, nic, vm(VirtualMachine.Type.User), null, null);
        long revision = plugin.router.revision(NET);

        assertTrue(plugin.element.prepare(network, nic, vm(VirtualMachine.Type.User), null, null));

        assertEquals(revision, plugin.router.revision(NET), "the same spec again must not bump the router's revision");
        assertEquals(1, plugin.clientsMade.size(), "one client per router, reused");
    }

    @Test
    void implementEnsuresTheNetworkWithoutNics() throws Exception {
        plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE), PluginFixture.ROUTER_URL, null);
        assertTrue(plugin.element.implement(network, null, null, null));
        assertEquals(List.of("putNetwork " + NET), plugin.router.calls());
    }

    @Test
    void systemVmNicsGetTheNetworkButNoRoutes() throws Exception {
        plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE), PluginFixture.ROUTER_URL, null);
        assertTrue(plugin.element.prepare(network, nic, vm(VirtualMachine.Type.DomainRouter), null, null));
        assertEquals(List.of("putNetwork " + NET), plugin.router.calls());
    }

    @Test
    void aDedicatedPhysicalNetworkRouterWinsOverTheZoneRouter() throws Exception {
        plugin.registries.router("zone-wide", RouterScope.zone(GuestNetworks.ZONE), "https://other.test:8443", null);
        LinuxRouterVO dedicated = plugin.registries.router("dedicated",
                RouterScope.physicalNetwork(GuestNetworks.ZONE, GuestNetworks.PHYSICAL_NETWORK), PluginFixture.ROUTER_URL, null);
        plugin.element.implement(network, null, null, null);
        assertEquals(dedicated.getUuid(), plugin.details.of(5).get(NetworkPlacements.ROUTER_KEY));
        assertEquals(URI.create(PluginFixture.ROUTER_URL), plugin.clientsMade.get(0).baseUrl());
    }

    @Test
    void aNetworkOfAnotherBroadcastDomainIsNotMineAndNothingHappens() throws Exception {
        plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE), PluginFixture.ROUTER_URL, null);
        when(network.getBroadcastUri()).thenReturn(URI.create("pvlan://100-i200"));

        assertFalse(plugin.element.prepare(network, nic, vm(VirtualMachine.Type.User), null, null));
        assertFalse(plugin.element.implement(network, null, null, null));

        assertEquals(List.of(), plugin.router.calls());
        assertEquals(Map.of(), plugin.details.of(5), "no placement is recorded for a network that is not ours");
    }

    @Test
    void noRegisteredRouterIsResourceUnavailableNamingNetworkAndZone() {
        ResourceUnavailableException e = assertThrows(ResourceUnavailableException.class,
                () -> plugin.element.prepare(network, nic, vm(VirtualMachine.Type.User), null, null));
        assertEquals("no linux router is registered for zone 1 or physical network 2; expected one to serve network "
                + NET + " (guest-100) (addLinuxRouter)", e.getMessage());
    }

    @Test
    void anUnreachableRouterIsResourceUnavailableNamingRouterAndNetworkWithTheCause() {
        String url = "https://127.0.0.1:" + PluginFixture.closedPort();
        plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE), url, null);

        ResourceUnavailableException e = assertThrows(ResourceUnavailableException.class,
                () -> plugin.element.prepare(network, nic, vm(VirtualMachine.Type.User), null, null));

        assertTrue(e.getMessage().startsWith("router r1 (" + url + ") was unreachable when asked to put network " + NET
                + " (guest-100): "), e.getMessage());
        assertInstanceOf(RouterUnreachableException.class, e.getCause());
        assertEquals("100", plugin.details.of(5).get(NetworkPlacements.VLAN_KEY),
                "the placement is recorded before the router is asked, so a later destroy finds it");
    }

    @Test
    void aChangeTheRoutersKernelRefusedFailsWithTheRoutersError() {
        plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE), PluginFixture.ROUTER_URL, null);
        plugin.router.refuseInKernel("trunk eth1 not found");

        ResourceUnavailableException e = assertThrows(ResourceUnavailableException.class,
                () -> plugin.element.implement(network, null, null, null));

        assertEquals("router r1 (" + PluginFixture.ROUTER_URL + ") stored network " + NET + " (guest-100) but its kernel"
                + " refused it (revision 1): trunk eth1 not found", e.getMessage());
    }

    @Test
    void destroyUsesTheRecordedRouterWhenTheBroadcastUriIsGone() throws Exception {
        plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE), PluginFixture.ROUTER_URL, null);
        plugin.element.prepare(network, nic, vm(VirtualMachine.Type.User), null, null);
        when(network.getBroadcastUri()).thenReturn(null);
        when(network.getState()).thenReturn(Network.State.Destroy);

        assertTrue(plugin.element.destroy(network, null));

        assertEquals("deleteNetwork " + NET, last(plugin.router.calls()));
        assertEquals(List.of(), plugin.router.listNetworks());
        assertEquals(Map.of(), plugin.details.of(5), "the placement is forgotten");
    }

    @Test
    void shutdownTearsDownAndForgetsSoAReImplementRecordsTheNewVlan() throws Exception {
        plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE), PluginFixture.ROUTER_URL, null);
        plugin.element.implement(network, null, null, null);
        assertTrue(plugin.element.shutdown(network, null, true));
        when(network.getBroadcastUri()).thenReturn(URI.create("vlan://200"));

        plugin.element.implement(network, null, null, null);

        assertEquals("200", plugin.details.of(5).get(NetworkPlacements.VLAN_KEY));
        assertEquals(200, plugin.router.getNetwork(Uuid.parse(NET)).orElseThrow().spec().segment().id());
    }

    @Test
    void destroyOfANetworkNeverPlacedCallsNoRouter() throws Exception {
        plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE), PluginFixture.ROUTER_URL, null);
        assertTrue(plugin.element.destroy(network, null));
        assertEquals(List.of(), plugin.router.calls());
    }

    @Test
    void releaseRemovesTheNicFromTheRecordedRouter() throws Exception {
        plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE), PluginFixture.ROUTER_URL, null);
        plugin.element.prepare(network, nic, vm(VirtualMachine.Type.User), null, null);

        assertTrue(plugin.element.release(network, nic, vm(VirtualMachine.Type.User), null));

        assertEquals("deleteNic " + NET + "/" + NIC, last(plugin.router.calls()));
        assertEquals(List.of(), plugin.router.getNetwork(Uuid.parse(NET)).orElseThrow().nics());
    }

    @Test
    void aNicWithAnUnroutableAddressFailsTheVmStartNamingIt() throws Exception {
        plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE), PluginFixture.ROUTER_URL, null);
        NicProfile loopback = GuestNetworks.nic(NIC, "02:00:4c:4f:4f:50", "127.0.0.5", null);
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> plugin.element.prepare(network, loopback, vm(VirtualMachine.Type.User), null, null));
        assertTrue(e.getMessage().contains("nic " + NIC), e.getMessage());
        assertTrue(e.getMessage().contains("expected a routable unicast address"), e.getMessage());
    }

    @Test
    void isReadyOnlyWithAHealthyRouterForThatPhysicalNetwork() {
        PhysicalNetworkServiceProvider provider = mock(PhysicalNetworkServiceProvider.class);
        when(provider.getPhysicalNetworkId()).thenReturn(GuestNetworks.PHYSICAL_NETWORK);
        assertFalse(plugin.element.isReady(provider), "no router registered");

        LinuxRouterVO router = plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE),
                "https://127.0.0.1:" + PluginFixture.closedPort(), null);
        assertFalse(plugin.element.isReady(provider), "router registered but unreachable");

        router.setUrl(PluginFixture.ROUTER_URL);
        assertTrue(plugin.element.isReady(provider));
        assertEquals("status", last(plugin.router.calls()));

        when(provider.getPhysicalNetworkId()).thenReturn(8L);
        assertFalse(plugin.element.isReady(provider), "the router serves zone 1, not physical network 8 of zone 9");
    }

    @Test
    void aPairIsReadyWhenOneMemberAnswersAndNotWhenNeitherDoes() {
        PhysicalNetworkServiceProvider provider = mock(PhysicalNetworkServiceProvider.class);
        when(provider.getPhysicalNetworkId()).thenReturn(GuestNetworks.PHYSICAL_NETWORK);
        plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE),
                "https://127.0.0.1:" + PluginFixture.closedPort(), null);
        LinuxRouterVO r2 = new LinuxRouterVO();
        r2.setName("r2");
        r2.setScope(RouterScope.zone(GuestNetworks.ZONE), 2);
        r2.setUrl("https://127.0.0.1:" + PluginFixture.closedPort());
        r2.setSecret(Registries.SECRET);
        r2.setFingerprint(Registries.FINGERPRINT);
        plugin.registries.dao().persist(r2);
        assertFalse(plugin.element.isReady(provider), "neither member answers");

        r2.setUrl(PluginFixture.ROUTER_URL);
        assertTrue(plugin.element.isReady(provider), "the second member answers: the pair can carry networks");
    }

    @Test
    void offeringsMayMapConnectivityWithTheGuestServicesAndNothingElse() {
        assertTrue(plugin.element.verifyServicesCombination(Set.of(service("Connectivity"))));
        assertTrue(plugin.element.verifyServicesCombination(Set.of(service("Connectivity"), service("Dhcp"),
                service("Dns"), service("UserData"))));
        assertFalse(plugin.element.verifyServicesCombination(Set.of(service("Dhcp"), service("UserData"))),
                "without Connectivity the router would not hold the network it serves");
        assertFalse(plugin.element.verifyServicesCombination(Set.of(service("Connectivity"), service("SourceNat"))));
        assertFalse(plugin.element.verifyServicesCombination(Set.of()));
        assertTrue(plugin.element.canEnableIndividualServices());
    }

    private static Network.Service service(String name) {
        Network.Service service = mock(Network.Service.class);
        when(service.getName()).thenReturn(name);
        return service;
    }

    private static VirtualMachineProfile vm(VirtualMachine.Type type) {
        VirtualMachineProfile vm = mock(VirtualMachineProfile.class);
        when(vm.getType()).thenReturn(type);
        return vm;
    }

    private static String last(List<String> calls) {
        return calls.get(calls.size() - 1);
    }
}
