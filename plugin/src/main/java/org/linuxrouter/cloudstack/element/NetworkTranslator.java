package org.linuxrouter.cloudstack.element;

import java.net.URI;
import java.util.Optional;

import org.linuxrouter.cloudstack.client.NetworkRef;
import org.linuxrouter.cloudstack.client.RouterEndpoint;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.IpPrefix;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.protocol.model.ValidationException;
import org.linuxrouter.protocol.model.VxlanOptions;

import com.cloud.network.Network;
import com.cloud.network.Networks;

/**
 * Pure: CloudStack's view of a network and its NICs, as the router's desired state. One {@link NetworkSpec} per
 * network (VLAN on the trunk, the network's gateway with its prefix, MTU) and one {@link NicSpec} per user-VM NIC
 * whose addresses the router routes into the network and answers ARP/NDP for on its uplink. Everything the router
 * would reject is caught here and reported as {@link UnsupportedNetworkException} naming the network.
 */
public final class NetworkTranslator {

    private NetworkTranslator() {
    }

    public static NetworkRef ref(Network network) {
        return new NetworkRef(network.getId(), network.getUuid(), network.getName());
    }

    /**
     * The network's segment: guest networks with a {@code vlan://<1..4094>} or {@code vxlan://<1..16777215>}
     * broadcast URI are LinuxRouter's; anything else is refused with the reason.
     */
    public static Segment segmentOf(Network network) throws UnsupportedNetworkException {
        if (network.getTrafficType() != Networks.TrafficType.Guest) {
            throw new UnsupportedNetworkException(ref(network) + ": expected guest traffic, got "
                    + network.getTrafficType());
        }
        URI uri = network.getBroadcastUri();
        if (uri == null) {
            throw new UnsupportedNetworkException(ref(network) + ": expected a vlan://<1..4094> or"
                    + " vxlan://<1..16777215> broadcast uri, got none (no vlan or vni assigned yet)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("vlan") && !scheme.equals("vxlan")) {
            throw new UnsupportedNetworkException(ref(network) + ": expected a vlan://<1..4094> or"
                    + " vxlan://<1..16777215> broadcast uri, got " + uri + " (only 802.1q vlans and vxlan are"
                    + " supported)");
        }
        try {
            // CloudStack writes the scheme in lower case; accept any case of it, as URIs do
            return Segment.parse(scheme + uri.toString().substring(uri.getScheme().length()));
        } catch (ValidationException e) {
            throw new UnsupportedNetworkException(ref(network) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The router's side of the network: segment, gateway address with the network's prefix, IPv6 if any, MTU; a
     * VLAN on the router's registered trunk, a VXLAN with the registered underlay and mode.
     */
    public static NetworkSpec networkSpec(Network network, Segment segment, RouterEndpoint router)
            throws UnsupportedNetworkException {
        boolean vxlan = segment.type() == Segment.Type.VXLAN;
        return networkSpec(network, segment, vxlan ? Optional.empty() : router.trunk(),
                vxlan ? router.vxlan() : Optional.empty());
    }

    /** As {@link #networkSpec(Network, Segment, RouterEndpoint)} with the router's wiring spelled out. */
    public static NetworkSpec networkSpec(Network network, Segment segment, Optional<InterfaceName> trunk,
            Optional<VxlanOptions> vxlan) throws UnsupportedNetworkException {
        String cidr = network.getNetworkCidr() != null ? network.getNetworkCidr() : network.getCidr();
        GatewayAddress gateway4 = gateway(network, "ipv4", network.getGateway(), cidr);
        GatewayAddress gateway6 = network.getIp6Gateway() == null || network.getIp6Cidr() == null ? null
                : gateway(network, "ipv6", network.getIp6Gateway(), network.getIp6Cidr());
        Integer mtu = network.getPrivateMtu() != null && network.getPrivateMtu() > 0 ? network.getPrivateMtu() : null;
        try {
            return NetworkSpec.builder().uuid(Uuid.parse(network.getUuid())).name(network.getName()).segment(segment)
                    .trunk(trunk.orElse(null)).vxlan(vxlan.orElse(null)).gateway4(gateway4).gateway6(gateway6)
                    .mtu(mtu).build();
        } catch (ValidationException e) {
            throw new UnsupportedNetworkException(ref(network) + ": " + e.getMessage(), e);
        }
    }

    /** The NIC's routed addresses; empty when there is nothing to route (no address, or not a user VM's NIC). */
    public static Optional<NicSpec> nicSpec(Network network, GuestNic nic) throws UnsupportedNetworkException {
        if (!nic.isUserVm() || (nic.ipv4().isEmpty() && nic.ipv6().isEmpty())) {
            return Optional.empty();
        }
        try {
            NicSpec.Builder spec = NicSpec.builder().uuid(Uuid.parse("nic uuid", nic.uuid()))
                    .mac(MacAddress.parse(nic.mac()));
            nic.ipv4().ifPresent(a -> spec.addAddress(IpAddress.parseV4("ipv4", a)));
            nic.ipv6().ifPresent(a -> spec.addAddress(IpAddress.parseV6("ipv6", a)));
            return Optional.of(spec.build());
        } catch (ValidationException e) {
            throw new UnsupportedNetworkException(ref(network) + ", " + nic + ": " + e.getMessage(), e);
        }
    }

    private static GatewayAddress gateway(Network network, String family, String gateway, String cidr)
            throws UnsupportedNetworkException {
        if (gateway == null || cidr == null) {
            throw new UnsupportedNetworkException(ref(network) + ": expected an " + family + " gateway and cidr, got"
                    + " gateway " + gateway + " and cidr " + cidr + " (an l2 network has no gateway to route)");
        }
        try {
            IpPrefix subnet = IpPrefix.parse(family + " cidr", cidr);
            IpAddress address = IpAddress.parse(family + " gateway", gateway);
            if (!subnet.contains(address)) {
                throw new UnsupportedNetworkException(ref(network) + ": expected the " + family + " gateway inside "
                        + subnet + ", got " + address);
            }
            return GatewayAddress.of(address, subnet.length());
        } catch (ValidationException e) {
            throw new UnsupportedNetworkException(ref(network) + ": " + e.getMessage(), e);
        }
    }
}
