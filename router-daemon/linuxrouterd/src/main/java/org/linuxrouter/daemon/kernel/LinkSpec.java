package org.linuxrouter.daemon.kernel;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import org.linuxrouter.protocol.model.InterfaceName;

/**
 * What kind of link the daemon creates for a network; a link whose spec changed is recreated. {@link LinkKinds}
 * maps each kind to and from rtnetlink; everything else (addresses, routes, proxies) is the same for every kind.
 */
public sealed interface LinkSpec permits LinkSpec.Vlan, LinkSpec.Vxlan {

    /** The IPv4 multicast group the link joins on its lower device, if any (host tuning counts them). */
    default Optional<InetAddress> multicastGroup() {
        return Optional.empty();
    }

    /** An 802.1Q subinterface {@code parent.vlanId}. Equivalent to: {@code ip link add link PARENT name NAME type vlan id ID}. */
    record Vlan(String parent, int vlanId) implements LinkSpec {
        public Vlan {
            InterfaceName.of("vlan parent", parent);
            if (vlanId < 1 || vlanId > 4094) {
                throw new IllegalArgumentException("vlan id: expected 1..4094, got " + vlanId);
            }
        }
    }

    /**
     * A VXLAN device. Equivalent to: {@code ip link add NAME type vxlan id VNI [group GROUP] [local LOCAL]
     * [ttl TTL] dev UNDERLAY [dstport PORT] [no]learning}.
     *
     * @param vni      1..16777215
     * @param underlay the device VXLAN packets leave by
     * @param group    the multicast group, or empty (unicast: flood entries instead)
     * @param local    the source address, or empty
     * @param ttl      outer TTL, 0 for the kernel's default
     * @param port     UDP destination port as the kernel reports it (8472 when the kernel chose it)
     * @param learning learn remote MACs from received packets
     */
    record Vxlan(int vni, String underlay, Optional<InetAddress> group, Optional<InetAddress> local, int ttl, int port,
                 boolean learning) implements LinkSpec {
        public Vxlan {
            if (vni < 1 || vni > 16_777_215) {
                throw new IllegalArgumentException("vni: expected 1..16777215, got " + vni);
            }
            InterfaceName.of("vxlan underlay", underlay);
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(local, "local");
            if (ttl < 0 || ttl > 255 || port < 1 || port > 65535) {
                throw new IllegalArgumentException("ttl/port: expected 0..255 and 1..65535, got " + ttl + "/" + port);
            }
        }

        @Override
        public Optional<InetAddress> multicastGroup() {
            return group.filter(g -> g instanceof java.net.Inet4Address);
        }
    }
}
