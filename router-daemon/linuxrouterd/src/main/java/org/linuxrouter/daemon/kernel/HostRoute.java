package org.linuxrouter.daemon.kernel;

import java.net.InetAddress;
import java.util.Objects;
import org.linuxrouter.protocol.model.InterfaceName;

/**
 * A /32 or /128 route that sends a VM's public address into its network's link, tagged with
 * {@link Ownership#ROUTE_PROTOCOL}. Equivalent to: {@code ip route add ADDRESS dev LINK proto 210 scope link}.
 */
public record HostRoute(InetAddress destination, String link) {
    public HostRoute {
        Objects.requireNonNull(destination, "destination");
        InterfaceName.of("route link", link);
    }

    @Override
    public String toString() {
        return destination.getHostAddress() + " dev " + link;
    }
}
