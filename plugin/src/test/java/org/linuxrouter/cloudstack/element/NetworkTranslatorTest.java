package org.linuxrouter.cloudstack.element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linuxrouter.cloudstack.testing.GuestNetworks;
import org.linuxrouter.cloudstack.client.RouterEndpoint;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.VxlanMode;
import org.linuxrouter.protocol.model.VxlanOptions;

import com.cloud.network.Network;
import com.cloud.network.Networks;
import com.cloud.vm.VirtualMachine;

/** Tables of CloudStack networks and NICs and the router specs (or refusals) they become. */
class NetworkTranslatorTest {
    private static final String UUID = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private static final String NIC = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "vlan://100, 100",
        "vlan://1, 1",
        "vlan://4094, 4094",
        "VLAN://7, 7",
    })
    void vlanBroadcastUrisBecomeSegments(String uri, int vlan) throws Exception {
        Network network = network(uri);
        assertEquals(Segment.vlan(vlan), NetworkTranslator.segmentOf(network));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "vxlan://5000, 5000",
        "vxlan://1, 1",
        "vxlan://16777215, 16777215",
        "VXLAN://70000, 70000",
    })
    void vxlanBroadcastUrisBecomeSegments(String uri, int vni) throws Exception {
        assertEquals(Segment.vxlan(vni), NetworkTranslator.segmentOf(network(uri)));
    }

    @Test
    void aVxlanNetworkCarriesTheRegisteredUnderlayAndModeNotTheTrunk() throws Exception {
        Network network = GuestNetworks.shared(5, UUID, 100, "203.0.113.1", "203.0.113.0/24");
        VxlanOptions registered = new VxlanOptions(InterfaceName.of("eth2"), VxlanMode.UNICAST, null, null);
        LinuxRouterVO router = new LinuxRouterVO();
        router.setName("r1");
        router.setUrl("https://192.0.2.1:8443");
        router.setFingerprint(org.linuxrouter.cloudstack.testing.Registries.FINGERPRINT);
        router.setSecret(org.linuxrouter.protocol.auth.RouterSecret.generate().encoded());
        router.setTrunkInterface("bond0");
        router.setVxlanUnderlay("eth2");
        router.setVxlanMode("unicast");
        RouterEndpoint endpoint = RouterEndpoint.of(router);

        NetworkSpec vxlan = NetworkTranslator.networkSpec(network, Segment.vxlan(5000), endpoint);
        assertEquals(Optional.of(registered), vxlan.vxlan());
        assertEquals(Optional.empty(), vxlan.trunk());
        NetworkSpec vlan = NetworkTranslator.networkSpec(network, Segment.vlan(100), endpoint);
        assertEquals(Optional.of(InterfaceName.of("bond0")), vlan.trunk());
        assertEquals(Optional.empty(), vlan.vxlan());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "vlan://untagged | expected a tagged vlan://<1..4094>, got untagged",
        "vlan://0        | expected vlan id 1..4094, got 0",
        "vlan://4095     | expected vlan id 1..4094, got 4095",
        "vlan://010      | without sign or leading zeros",
        "vxlan://0       | expected vxlan id 1..16777215, got 0",
        "vxlan://16777216 | expected vxlan id 1..16777215, got 16777216",
        "pvlan://100-i200 | got pvlan://100-i200 (only 802.1q vlans and vxlan are supported)",
        "lswitch:abc     | got lswitch:abc (only 802.1q vlans and vxlan are supported)",
        "vswitch://5000  | got vswitch://5000 (only 802.1q vlans and vxlan are supported)",
    })
    void otherBroadcastDomainsAreNotLinuxRoutersAndSayWhy(String uri, String why) {
        UnsupportedNetworkException e = assertThrows(UnsupportedNetworkException.class,
                () -> NetworkTranslator.segmentOf(network(uri)));
        assertTrue(e.getMessage().startsWith("network " + UUID + " (guest-100): "), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void aNetworkWithoutVlanYetOrNotGuestTrafficIsNotLinuxRouters() {
        Network noUri = network("vlan://100");
        when(noUri.getBroadcastUri()).thenReturn(null);
        assertTrue(assertThrows(UnsupportedNetworkException.class, () -> NetworkTranslator.segmentOf(noUri))
                .getMessage().endsWith("got none (no vlan or vni assigned yet)"));
        Network publicTraffic = network("vlan://100");
        when(publicTraffic.getTrafficType()).thenReturn(Networks.TrafficType.Public);
        assertTrue(assertThrows(UnsupportedNetworkException.class, () -> NetworkTranslator.segmentOf(publicTraffic))
                .getMessage().endsWith("expected guest traffic, got Public"));
    }

    @ParameterizedTest(name = "{0} in {1} (reserved {2}) -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "203.0.113.1   | 203.0.113.0/24   | -              | 203.0.113.1/24",
        "203.0.113.129 | 203.0.113.128/25 | -              | 203.0.113.129/25",
        // with IP reservation the guest CIDR is a part; the router's gateway prefix is the whole network
        "10.1.1.1      | 10.1.1.0/26      | 10.1.1.0/24    | 10.1.1.1/24",
    })
    void theGatewayGetsTheNetworksPrefix(String gateway, String cidr, String networkCidr, String expected) throws Exception {
        Network network = GuestNetworks.shared(5, UUID, 100, gateway, cidr);
        when(network.getNetworkCidr()).thenReturn(networkCidr);
        NetworkSpec spec = NetworkTranslator.networkSpec(network, Segment.vlan(100), Optional.empty(), Optional.empty());
        assertEquals(expected, spec.gateway4().toString());
        assertEquals(Segment.vlan(100), spec.segment());
        assertEquals(UUID, spec.uuid().value());
        assertEquals(Optional.of("guest-100"), spec.name());
        assertEquals(Optional.empty(), spec.trunk());
        assertEquals(Optional.empty(), spec.gateway6());
    }

    @Test
    void ipv6TrunkAndMtuAreCarried() throws Exception {
        Network network = GuestNetworks.shared(5, UUID, 100, "203.0.113.1", "203.0.113.0/24");
        when(network.getIp6Gateway()).thenReturn("2001:db8:100::1");
        when(network.getIp6Cidr()).thenReturn("2001:db8:100::/64");
        when(network.getPrivateMtu()).thenReturn(9000);
        NetworkSpec spec = NetworkTranslator.networkSpec(network, Segment.vlan(100), Optional.of(InterfaceName.of("bond0")), Optional.empty());
        assertEquals("2001:db8:100::1/64", spec.gateway6().orElseThrow().toString());
        assertEquals(9000, spec.mtu().orElseThrow());
        assertEquals("bond0", spec.trunk().orElseThrow().value());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "-            | -              | expected an ipv4 gateway and cidr, got gateway null and cidr null (an l2 network",
        "203.0.113.1  | 198.51.100.0/24 | expected the ipv4 gateway inside 198.51.100.0/24, got 203.0.113.1",
        "203.0.113.0  | 203.0.113.0/24 | got its network address 203.0.113.0",
        "203.0.113.1  | 203.0.113.1/24 | expected a network address with host bits zero",
        "203.0.113.x  | 203.0.113.0/24 | ipv4 gateway: ",
    })
    void unusableGatewaysAreRefusedNamingTheNetwork(String gateway, String cidr, String why) {
        Network network = GuestNetworks.shared(5, UUID, 100, gateway, cidr);
        UnsupportedNetworkException e = assertThrows(UnsupportedNetworkException.class,
                () -> NetworkTranslator.networkSpec(network, Segment.vlan(100), Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().startsWith("network " + UUID + " (guest-100): "), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @ParameterizedTest(name = "{1} {2} {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "User               | 203.0.113.10 | -                  | [203.0.113.10]",
        "User               | 203.0.113.10 | 2001:db8:100::10   | [203.0.113.10, 2001:db8:100::10]",
        "User               | -            | 2001:DB8:100::0:10 | [2001:db8:100::10]",
        "User               | ' '          | -                  | -",
        "User               | -            | -                  | -",
        "DomainRouter       | 203.0.113.10 | -                  | -",
        "ConsoleProxy       | 203.0.113.10 | -                  | -",
    })
    void userVmAddressesAreRoutedOthersAreNot(VirtualMachine.Type type, String ipv4, String ipv6, String routed)
            throws Exception {
        Network network = GuestNetworks.shared(5, UUID, 100, "203.0.113.1", "203.0.113.0/24");
        GuestNic nic = new GuestNic(NIC, "02:00:4C:4F:4F:50", ipv4, ipv6, type);
        Optional<NicSpec> spec = NetworkTranslator.nicSpec(network, nic);
        assertEquals(routed, spec.map(s -> s.addresses().toString()).orElse(null));
        spec.ifPresent(s -> assertEquals("02:00:4c:4f:4f:50", s.mac().value(), "macs are compared lower case"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "not-a-uuid                           | 02:00:4c:4f:4f:50 | 203.0.113.10 | nic uuid: expected a lower-case uuid",
        "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d | 03:00:4c:4f:4f:50 | 203.0.113.10 | mac: expected a unicast address",
        "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d | 02:00:4c:4f:4f:50 | 127.0.0.1    | expected a routable unicast address",
    })
    void unroutableNicsAreRefusedNamingNetworkAndNic(String uuid, String mac, String ipv4, String why) {
        Network network = GuestNetworks.shared(5, UUID, 100, "203.0.113.1", "203.0.113.0/24");
        GuestNic nic = new GuestNic(uuid, mac, ipv4, null, VirtualMachine.Type.User);
        UnsupportedNetworkException e = assertThrows(UnsupportedNetworkException.class,
                () -> NetworkTranslator.nicSpec(network, nic));
        assertTrue(e.getMessage().startsWith("network " + UUID + " (guest-100), nic " + uuid), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void theRefIdentifiesTheNetworkForMessages() {
        Network network = GuestNetworks.shared(5, UUID, 100, "203.0.113.1", "203.0.113.0/24");
        assertEquals("network " + UUID + " (guest-100)", NetworkTranslator.ref(network).toString());
        assertEquals(5, NetworkTranslator.ref(network).id());
    }

    private static Network network(String uri) {
        Network network = GuestNetworks.shared(5, UUID, 100, "203.0.113.1", "203.0.113.0/24");
        when(network.getBroadcastUri()).thenReturn(URI.create(uri));
        return network;
    }
}
