package org.linuxrouter.daemon.reconcile;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.linuxrouter.daemon.kernel.FloodEntry;
import org.linuxrouter.daemon.kernel.HostRoute;
import org.linuxrouter.daemon.kernel.InterfaceProbe;
import org.linuxrouter.daemon.kernel.LinkSpec;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.ValidationException;
import org.linuxrouter.protocol.model.VxlanMode;
import org.linuxrouter.protocol.model.VxlanOptions;

/**
 * The one place that knows broadcast-domain kinds: the link that carries a network's segment, and the objects
 * that link needs besides the gateway addresses and host routes every kind shares. Pure.
 *
 * <ul>
 *   <li>{@code vlan://VID}: {@code trunk.VID}, an 802.1Q subinterface of the network's trunk.</li>
 *   <li>{@code vxlan://VNI}: {@code vxlanVNI} on the underlay, as CloudStack's KVM hosts name it. Multicast mode is
 *   {@code modifyvxlan.sh} exactly (group derived from the VNI, ttl 10, the kernel's port, learning, and a /32
 *   route for the group on the underlay); unicast mode floods to a static VTEP list on port 4789 as
 *   {@code modifyvxlan-evpn.sh}'s port, but keeps learning: no EVPN control plane fills in remote MACs here.</li>
 * </ul>
 *
 * @param name           the interface name
 * @param spec           what the link is
 * @param lowerDevice    the trunk or underlay it sits on
 * @param underlayRoutes routes on the lower device the link needs (the multicast group's)
 * @param floods         flood entries on the link (unicast VTEPs)
 */
public record GuestLink(String name, LinkSpec spec, String lowerDevice, Set<HostRoute> underlayRoutes,
                        Set<FloodEntry> floods) {

    /** VXLAN encapsulation: outer IPv4 (20) + UDP (8) + VXLAN (8) + inner Ethernet (14) headers. */
    public static final int VXLAN_OVERHEAD = 50;
    /** CloudStack's modifyvxlan.sh: {@code ttl 10}. */
    public static final int MULTICAST_TTL = 10;
    /** IANA's VXLAN port, which modifyvxlan-evpn.sh uses ({@code dstport 4789}). */
    public static final int UNICAST_PORT = 4789;
    private static final int KERNEL_DEFAULT_PORT = 8472;

    /** Throws {@link ValidationException} when the name would not fit, or unicast mode has no VTEP. */
    public static GuestLink of(NetworkSpec spec, Topology topology) {
        Segment segment = spec.segment();
        switch (segment.type()) {
            case VLAN:
                return vlan(spec, topology);
            case VXLAN:
                return vxlan(spec, topology);
            default:
                throw new IllegalStateException("unknown segment type " + segment.type());
        }
    }

    private static GuestLink vlan(NetworkSpec spec, Topology topology) {
        String trunk = spec.trunk().orElse(topology.defaultTrunk()).value();
        String name = InterfaceName.of("trunk", trunk + "." + spec.segment().id()).value();
        return new GuestLink(name, new LinkSpec.Vlan(trunk, spec.segment().id()), trunk, Set.of(), Set.of());
    }

    private static GuestLink vxlan(NetworkSpec spec, Topology topology) {
        int vni = spec.segment().id();
        String name = "vxlan" + vni;
        Optional<VxlanOptions> options = spec.vxlan();
        String underlay = options.flatMap(VxlanOptions::underlay)
                .or(() -> topology.vxlan().underlay()).orElse(topology.defaultTrunk()).value();
        VxlanMode mode = options.flatMap(VxlanOptions::mode).orElse(topology.vxlan().mode());
        Optional<InetAddress> local = options.flatMap(VxlanOptions::local).or(() -> topology.vxlan().local())
                .map(IpAddress::toInetAddress);
        if (mode == VxlanMode.MULTICAST) {
            InetAddress group = multicastGroup(vni);
            LinkSpec link = new LinkSpec.Vxlan(vni, underlay, Optional.of(group), local, MULTICAST_TTL,
                    KERNEL_DEFAULT_PORT, true);
            return new GuestLink(name, link, underlay, Set.of(new HostRoute(group, underlay)), Set.of());
        }
        List<IpAddress> vteps = options.map(VxlanOptions::vteps).filter(v -> !v.isEmpty())
                .orElse(topology.vxlan().vteps());
        if (vteps.isEmpty()) {
            throw new ValidationException("vxlan.vteps", "expected at least one VTEP for unicast mode (here or in"
                    + " the router's vxlan_vteps), got none");
        }
        LinkSpec link = new LinkSpec.Vxlan(vni, underlay, Optional.empty(), local, 0, UNICAST_PORT, true);
        Set<FloodEntry> floods = vteps.stream().map(v -> new FloodEntry(name, v.toInetAddress()))
                .collect(Collectors.toUnmodifiableSet());
        return new GuestLink(name, link, underlay, Set.of(), floods);
    }

    /**
     * The rules of this kind that need the router's wiring, checked before a spec is stored (400 naming the
     * field): a VLAN's trunk is not the uplink; a VXLAN's underlay exists and its MTU leaves room for the
     * {@value #VXLAN_OVERHEAD}-byte encapsulation under the network's MTU.
     */
    public void checkWiring(NetworkSpec spec, Topology topology, InterfaceProbe interfaces) {
        if (this.spec instanceof LinkSpec.Vlan) {
            if (topology.uplink().isPresent() && lowerDevice.equals(topology.uplink().get().value())) {
                throw new ValidationException("trunk", "expected a trunk other than the uplink "
                        + topology.uplink().get() + ", got " + lowerDevice);
            }
            return;
        }
        OptionalInt underlayMtu = interfaces.mtu(lowerDevice);
        if (underlayMtu.isEmpty()) {
            throw new ValidationException("vxlan.underlay", "expected an interface of this router, got "
                    + lowerDevice + " (no such interface; set vxlan.underlay or vxlan_underlay)");
        }
        int max = underlayMtu.getAsInt() - VXLAN_OVERHEAD;
        if (spec.mtu().isPresent() && spec.mtu().getAsInt() > max) {
            throw new ValidationException("mtu", "expected at most " + max + " (underlay " + lowerDevice + " mtu "
                    + underlayMtu.getAsInt() + " less " + VXLAN_OVERHEAD + " bytes of VXLAN overhead), got "
                    + spec.mtu().getAsInt());
        }
    }

    /** modifyvxlan.sh: {@code 239.$(( (VNI >> 16) % 256 )).$(( (VNI >> 8) % 256 )).$(( VNI % 256 ))}. */
    public static InetAddress multicastGroup(int vni) {
        byte[] group = {(byte) 239, (byte) ((vni >> 16) % 256), (byte) ((vni >> 8) % 256), (byte) (vni % 256)};
        return IpAddress.of(group).toInetAddress();
    }
}
