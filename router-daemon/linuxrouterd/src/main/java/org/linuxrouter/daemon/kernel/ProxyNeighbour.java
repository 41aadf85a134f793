package org.linuxrouter.daemon.kernel;

import java.net.InetAddress;
import java.util.Objects;
import org.linuxrouter.protocol.model.InterfaceName;

/**
 * A per-address proxy ARP (IPv4) or NDP (IPv6) entry: the router answers for {@code address} on {@code link}
 * (the uplink). Equivalent to: {@code ip neigh add proxy ADDRESS dev LINK}.
 */
public record ProxyNeighbour(InetAddress address, String link) {
    public ProxyNeighbour {
        Objects.requireNonNull(address, "address");
        InterfaceName.of("proxy link", link);
    }

    @Override
    public String toString() {
        return "proxy " + address.getHostAddress() + " dev " + link;
    }
}
