package org.linuxrouter.daemon.reconcile;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.linuxrouter.daemon.kernel.FloodEntry;
import org.linuxrouter.daemon.kernel.HostRoute;
import org.linuxrouter.daemon.kernel.InterfaceAddress;
import org.linuxrouter.daemon.kernel.KernelState;
import org.linuxrouter.daemon.kernel.OwnedLink;
import org.linuxrouter.daemon.kernel.ProxyNeighbour;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.IpFamily;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.ProxyMode;

/**
 * Pure: the kernel objects that desired state asks for. Per network: its link ({@link GuestLink}: a VLAN on the
 * trunk or a VXLAN device on the underlay, with what that kind needs) with the gateway address(es); per NIC address: a host route into that link and, when the router has an uplink, a proxy entry there
 * so upstream hosts reach the VM through the router. In {@link ProxyMode#INTERFACE} mode IPv4 relies on the uplink's
 * proxy_arp sysctl instead of per-address entries (the recipe's way); IPv6 always needs per-address entries.
 *
 * <p>This is the one place that decides who holds a gateway address: the reconciler on a router of its own and on
 * both routers of a pair in gate mode (the standby gate keeps the backup's copies silent), keepalived on the VRRP
 * master of a pair in addresses mode ({@link Topology#virtualGateways()}). There the gateways become
 * {@link #virtualAddresses()}: keepalived adds them on the master only, the reconciler neither adds nor removes them.
 * Nothing else on the links depends on the role, so routes and proxy entries are in place on both routers before
 * any failover.
 */
public final class DesiredKernel {

    private final Topology topology;
    private final Map<String, OwnedLink> links = new HashMap<>();
    private final Set<InterfaceAddress> addresses = new HashSet<>();
    private final Set<InterfaceAddress> virtualAddresses = new HashSet<>();
    private final Set<HostRoute> routes = new HashSet<>();
    private final Set<ProxyNeighbour> proxies = new HashSet<>();
    private final Set<FloodEntry> floods = new HashSet<>();
    private final Set<String> proxyArpInterfaces = new HashSet<>();

    public DesiredKernel(Topology topology) {
        this.topology = topology;
    }

    /** Adds one network and its NICs. Throws {@link IllegalArgumentException} for a segment this router cannot serve. */
    public DesiredKernel add(NetworkSpec spec, Collection<NicSpec> nics) {
        String network = spec.uuid().value();
        GuestLink guest = GuestLink.of(spec, topology);
        String link = guest.name();
        links.put(link, new OwnedLink(link, guest.spec(), network, spec.mtu().orElse(0), true));
        routes.addAll(guest.underlayRoutes());
        floods.addAll(guest.floods());
        Set<InterfaceAddress> gateways = topology.virtualGateways() ? virtualAddresses : addresses;
        gateways.add(address(link, spec.gateway4()));
        spec.gateway6().ifPresent(g -> gateways.add(address(link, g)));
        if (spec.proxyMode() == ProxyMode.INTERFACE) {
            proxyArpInterfaces.add(link);
            topology.uplink().ifPresent(u -> proxyArpInterfaces.add(u.value()));
        }
        for (NicSpec nic : nics) {
            for (IpAddress ip : nic.addresses()) {
                routes.add(new HostRoute(ip.toInetAddress(), link));
                topology.uplink().filter(u -> needsProxyEntry(spec, ip))
                        .ifPresent(u -> proxies.add(new ProxyNeighbour(ip.toInetAddress(), u.value())));
            }
        }
        return this;
    }

    public KernelState build() {
        return new KernelState(links, addresses, routes, proxies, floods);
    }

    /** The gateway addresses the VRRP master holds (empty unless the router is one of a pair). */
    public Set<InterfaceAddress> virtualAddresses() {
        return Set.copyOf(virtualAddresses);
    }

    /** Interfaces whose interface-wide proxy_arp must be on: the links and uplink of "interface"-mode networks. */
    public Set<String> proxyArpInterfaces() {
        return Set.copyOf(proxyArpInterfaces);
    }

    /** The link that carries a network: {@code trunk.vid} or {@code vxlanVNI} ({@link GuestLink}). */
    public static String linkName(NetworkSpec spec, Topology topology) {
        return GuestLink.of(spec, topology).name();
    }

    private static boolean needsProxyEntry(NetworkSpec spec, IpAddress ip) {
        return ip.family() == IpFamily.V6 || spec.proxyMode() == ProxyMode.PER_ADDRESS;
    }

    private static InterfaceAddress address(String link, GatewayAddress gateway) {
        return new InterfaceAddress(link, gateway.address().toInetAddress(), gateway.length());
    }
}
