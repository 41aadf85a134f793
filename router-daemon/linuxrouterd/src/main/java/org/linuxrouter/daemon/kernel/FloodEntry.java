package org.linuxrouter.daemon.kernel;

import java.net.InetAddress;
import java.util.Objects;
import org.linuxrouter.protocol.model.InterfaceName;

/**
 * A VXLAN flood entry: broadcast, multicast and unknown unicast on {@code link} are also sent to the VTEP
 * {@code remote} (unicast mode's head-end replication). Owned when its link is. Equivalent to:
 * {@code bridge fdb append 00:00:00:00:00:00 dev LINK dst REMOTE}.
 */
public record FloodEntry(String link, InetAddress remote) {
    public FloodEntry {
        InterfaceName.of("flood link", link);
        Objects.requireNonNull(remote, "remote");
    }

    @Override
    public String toString() {
        return "flood " + link + " to " + remote.getHostAddress();
    }
}
