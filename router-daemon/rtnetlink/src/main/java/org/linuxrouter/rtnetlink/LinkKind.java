package org.linuxrouter.rtnetlink;

import java.net.InetAddress;
import java.util.Optional;
import org.linuxrouter.rtnetlink.wire.AddressFamily;

/** What kind of link this is: IFLA_LINKINFO/IFLA_INFO_KIND and, for VLANs and VXLANs, its IFLA_INFO_DATA. */
public sealed interface LinkKind {
    /** The kernel's kind string, e.g. {@code vlan}; empty for links without one (lo, physical NICs). */
    String name();

    /**
     * An 802.1Q/802.1ad sub-interface.
     *
     * @param parentIndex ifindex of the link it is stacked on (IFLA_LINK)
     * @param vlanId      1..4094
     * @param protocol    tag protocol
     */
    record Vlan(int parentIndex, int vlanId, VlanProtocol protocol) implements LinkKind {
        public Vlan {
            if (parentIndex <= 0) {
                throw new IllegalArgumentException("expected a parent ifindex > 0, got " + parentIndex);
            }
            if (vlanId < 1 || vlanId > 4094) {
                throw new IllegalArgumentException("expected a VLAN id of 1..4094, got " + vlanId);
            }
            if (protocol == null) {
                throw new IllegalArgumentException("expected a VLAN protocol, got null");
            }
        }

        @Override
        public String name() {
            return "vlan";
        }
    }

    /**
     * A VXLAN tunnel endpoint (RFC 7348): Ethernet frames in UDP over an underlay.
     *
     * @param vni           VXLAN network identifier, 1..16777215 (IFLA_VXLAN_ID)
     * @param destination   IFLA_VXLAN_GROUP/GROUP6: a multicast group to flood to, or one unicast remote; empty
     *                      when flooding goes only to the forwarding-table entries (a static VTEP list)
     * @param local         IFLA_VXLAN_LOCAL/LOCAL6: the source address of encapsulated packets; empty: chosen
     *                      by the route to the destination
     * @param underlayIndex IFLA_VXLAN_LINK: ifindex of the underlay device, 0 for none (the multicast group is
     *                      joined there)
     * @param ttl           IFLA_VXLAN_TTL of the outer header, 1..255; 0 is not sent (the kernel's default)
     * @param port          UDP destination port, 1..65535; 0 is not sent: the kernel's default,
     *                      {@link #KERNEL_DEFAULT_PORT}, which is what CloudStack's modifyvxlan.sh gets
     * @param learning      IFLA_VXLAN_LEARNING: learn remote MAC addresses from received packets
     */
    record Vxlan(int vni, Optional<InetAddress> destination, Optional<InetAddress> local, int underlayIndex, int ttl,
                 int port, boolean learning) implements LinkKind {
        /** The Linux vxlan driver's default destination port (not IANA's 4789, which predates nothing here). */
        public static final int KERNEL_DEFAULT_PORT = 8472;
        public static final int MAX_VNI = (1 << 24) - 1;

        public Vxlan {
            if (vni < 1 || vni > MAX_VNI) {
                throw new IllegalArgumentException("expected a VNI of 1.." + MAX_VNI + ", got " + vni);
            }
            if (destination == null || local == null) {
                throw new IllegalArgumentException("expected destination and local to be non-null Optionals");
            }
            if (underlayIndex < 0) {
                throw new IllegalArgumentException("expected an underlay ifindex >= 0, got " + underlayIndex);
            }
            if (ttl < 0 || ttl > 255) {
                throw new IllegalArgumentException("expected a TTL of 0..255, got " + ttl);
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("expected a UDP port of 0..65535, got " + port);
            }
            if (destination.isPresent() && local.isPresent()
                    && AddressFamily.of(destination.get()) != AddressFamily.of(local.get())) {
                throw new IllegalArgumentException("expected destination " + destination.get().getHostAddress()
                        + " and local " + local.get().getHostAddress() + " to be of one address family");
            }
        }

        /**
         * As CloudStack's {@code modifyvxlan.sh}: {@code ip link add vxlanVNI type vxlan id VNI group GROUP ttl 10
         * dev UNDERLAY} (learning on, the kernel's default port).
         */
        public static Vxlan multicast(int vni, InetAddress group, int underlayIndex, int ttl) {
            return new Vxlan(vni, Optional.of(group), Optional.empty(), underlayIndex, ttl, 0, true);
        }

        /** The port packets are sent to: {@link #port()}, or the kernel's default when that is 0. */
        public int effectivePort() {
            return port == 0 ? KERNEL_DEFAULT_PORT : port;
        }

        @Override
        public String name() {
            return "vxlan";
        }
    }

    /** One end of a virtual Ethernet pair. */
    record Veth() implements LinkKind {
        @Override
        public String name() {
            return "veth";
        }
    }

    /** A dummy link: it drops what it is sent and holds addresses and routes. */
    record Dummy() implements LinkKind {
        @Override
        public String name() {
            return "dummy";
        }
    }

    /** A Linux bridge. */
    record Bridge() implements LinkKind {
        @Override
        public String name() {
            return "bridge";
        }
    }

    /**
     * Any other kind, or none.
     *
     * @param name the kernel's kind string, empty for a link with no IFLA_INFO_KIND (lo, hardware NICs)
     */
    record Other(String name) implements LinkKind {
        public Other {
            if (name == null) {
                throw new IllegalArgumentException("expected a kind name (possibly empty), got null");
            }
        }
    }
}
