package org.linuxrouter.rtnetlink;

import java.net.InetAddress;
import java.util.Optional;
import org.linuxrouter.rtnetlink.wire.AddressFamily;
import org.linuxrouter.rtnetlink.wire.Nda;

/**
 * A neighbour-table entry (ARP for IPv4, NDP for IPv6), or a proxy entry: an address the kernel answers ARP/NS
 * for on that interface (needs forwarding and a route to the address through another interface).
 *
 * @param linkIndex        ifindex of the interface
 * @param destination      NDA_DST
 * @param linkLayerAddress NDA_LLADDR; proxy entries have none
 * @param state            NUD_* state (0 for proxy entries in dumps)
 * @param flags            NTF_* flags; NTF_PROXY marks a proxy entry
 */
public record Neighbour(int linkIndex, InetAddress destination, Optional<HardwareAddress> linkLayerAddress,
                        int state, int flags) {
    public Neighbour {
        Validate.linkIndex(linkIndex);
        if (destination == null || linkLayerAddress == null) {
            throw new IllegalArgumentException("expected destination and linkLayerAddress to be non-null");
        }
    }

    /** A proxy entry: {@code ip neigh add proxy DESTINATION dev LINK}. */
    public static Neighbour proxy(int linkIndex, InetAddress destination) {
        return new Neighbour(linkIndex, destination, Optional.empty(), Nda.NUD_PERMANENT, Nda.NTF_PROXY);
    }

    public boolean isProxy() {
        return (flags & Nda.NTF_PROXY) != 0;
    }

    /** AF_INET or AF_INET6. */
    public int family() {
        return AddressFamily.of(destination);
    }
}
