package org.linuxrouter.cloudstack.testing;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;

import com.cloud.network.Network;
import com.cloud.network.Networks;
import com.cloud.vm.NicProfile;

/** Mockito-made CloudStack networks and NIC profiles, filled the way the orchestrator fills them. */
public final class GuestNetworks {
    public static final long ZONE = 1;
    public static final long PHYSICAL_NETWORK = 2;

    private GuestNetworks() {
    }

    /** A shared guest network in state Setup on {@code vlan://<vlan>} with an IPv4 gateway. */
    public static Network shared(long id, String uuid, int vlan, String gateway, String cidr) {
        Network network = mock(Network.class);
        when(network.getId()).thenReturn(id);
        when(network.getUuid()).thenReturn(uuid);
        when(network.getName()).thenReturn("guest-" + vlan);
        when(network.getGuestType()).thenReturn(Network.GuestType.Shared);
        when(network.getTrafficType()).thenReturn(Networks.TrafficType.Guest);
        when(network.getBroadcastDomainType()).thenReturn(Networks.BroadcastDomainType.Vlan);
        when(network.getBroadcastUri()).thenReturn(URI.create("vlan://" + vlan));
        when(network.getGateway()).thenReturn(gateway);
        when(network.getCidr()).thenReturn(cidr);
        when(network.getDataCenterId()).thenReturn(ZONE);
        when(network.getPhysicalNetworkId()).thenReturn(PHYSICAL_NETWORK);
        when(network.getState()).thenReturn(Network.State.Setup);
        return network;
    }

    public static NicProfile nic(String uuid, String mac, String ipv4, String ipv6) {
        NicProfile nic = mock(NicProfile.class);
        when(nic.getUuid()).thenReturn(uuid);
        when(nic.getMacAddress()).thenReturn(mac);
        when(nic.getIPv4Address()).thenReturn(ipv4);
        when(nic.getIPv6Address()).thenReturn(ipv6);
        return nic;
    }
}
