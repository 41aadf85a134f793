package org.linuxrouter.daemon.reconcile;

import java.util.Objects;
import java.util.Optional;
import org.linuxrouter.protocol.model.InterfaceName;

/**
 * The router's fixed wiring, from the daemon's configuration: the trunk that carries guest VLANs when a network
 * names none, and the uplink on which the router answers ARP/NDP for the public addresses it routes inward.
 */
public record Topology(InterfaceName defaultTrunk, Optional<InterfaceName> uplink) {
    public Topology {
        Objects.requireNonNull(defaultTrunk, "defaultTrunk");
        Objects.requireNonNull(uplink, "uplink");
    }
}
