package org.linuxrouter.daemon.reconcile;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.linuxrouter.daemon.kernel.HostRoute;
import org.linuxrouter.daemon.kernel.InterfaceAddress;
import org.linuxrouter.daemon.kernel.KernelState;
import org.linuxrouter.daemon.kernel.LinkSpec;
import org.linuxrouter.daemon.kernel.OwnedLink;
import org.linuxrouter.daemon.kernel.ProxyNeighbour;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.IpFamily;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.ProxyMode;
import org.linuxrouter.protocol.model.Segment;

/**
 * Pure: the kernel objects that desired state asks for. Per network: its link on the trunk with the gateway
 * address(es); per NIC address: a host route into that link and, when the router has an uplink, a proxy entry there
 * so upstream hosts reach the VM through the router. In {@link ProxyMode#INTERFACE} mode IPv4 relies on the uplink's
 * proxy_arp sysctl instead of per-address entries (the recipe's way); IPv6 always needs per-address entries.
 */
public final class DesiredKernel {

    private final Topology topology;
    private final Map<String, OwnedLink> links = new HashMap<>();
    private final Set<InterfaceAddress> addresses = new HashSet<>();
    private final Set<HostRoute> routes = new HashSet<>();
    private final Set<ProxyNeighbour> proxies = new HashSet<>();
    private final Set<String> proxyArpInterfaces = new HashSet<>();

    public DesiredKernel(Topology topology) {
        this.topology = topology;
    }

    /** Adds one network and its NICs. Throws {@link IllegalArgumentException} for a segment this router cannot serve. */
    public DesiredKernel add(NetworkSpec spec, Collection<NicSpec> nics) {
        String network = spec.uuid().value();
        String link = linkName(spec, topology);
        String trunk = spec.trunk().orElse(topology.defaultTrunk()).value();
        links.put(link, new OwnedLink(link, new LinkSpec.Vlan(trunk, spec.segment().id()), network,
                spec.mtu().orElse(0), true));
        addresses.add(address(link, spec.gateway4()));
        spec.gateway6().ifPresent(g -> addresses.add(address(link, g)));
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
        return new KernelState(links, addresses, routes, proxies);
    }

    /** Interfaces whose interface-wide proxy_arp must be on: the links and uplink of "interface"-mode networks. */
    public Set<String> proxyArpInterfaces() {
        return Set.copyOf(proxyArpInterfaces);
    }

    /**
     * The link that carries a network: {@code trunk.vid} for a VLAN. Throws when the segment is not a VLAN or the
     * name would not fit the kernel's 15 bytes.
     */
    public static String linkName(NetworkSpec spec, Topology topology) {
        Segment segment = spec.segment();
        if (segment.type() != Segment.Type.VLAN) {
            throw new IllegalArgumentException("segment: expected vlan://1..4094, got " + segment.uri()
                    + " (this router serves VLAN networks only)");
        }
        String trunk = spec.trunk().orElse(topology.defaultTrunk()).value();
        return InterfaceName.of("trunk", trunk + "." + segment.id()).value();
    }

    private static boolean needsProxyEntry(NetworkSpec spec, IpAddress ip) {
        return ip.family() == IpFamily.V6 || spec.proxyMode() == ProxyMode.PER_ADDRESS;
    }

    private static InterfaceAddress address(String link, GatewayAddress gateway) {
        return new InterfaceAddress(link, gateway.address().toInetAddress(), gateway.length());
    }
}
