package org.linuxrouter.daemon.reconcile;

import java.util.Objects;
import java.util.Optional;
import org.linuxrouter.daemon.config.VxlanSettings;
import org.linuxrouter.protocol.model.InterfaceName;

/**
 * The router's fixed wiring, from the daemon's configuration: the trunk that carries guest VLANs when a network
 * names none, the uplink on which the router answers ARP/NDP for the public addresses it routes inward, how
 * VXLAN networks are joined when their spec does not say, and whether keepalived, not the reconciler, places the
 * gateway addresses ({@code virtualGateways}: a router pair with {@code vrrp_takeover = addresses}; a pair in gate
 * mode holds its gateways as ordinary addresses on both routers, like a router on its own).
 */
public record Topology(InterfaceName defaultTrunk, Optional<InterfaceName> uplink, VxlanSettings vxlan,
                       boolean virtualGateways) {
    public Topology {
        Objects.requireNonNull(defaultTrunk, "defaultTrunk");
        Objects.requireNonNull(uplink, "uplink");
        Objects.requireNonNull(vxlan, "vxlan");
    }

    /** A router on its own. */
    public Topology(InterfaceName defaultTrunk, Optional<InterfaceName> uplink, VxlanSettings vxlan) {
        this(defaultTrunk, uplink, vxlan, false);
    }

    /** A router on its own with the default VXLAN settings. */
    public Topology(InterfaceName defaultTrunk, Optional<InterfaceName> uplink) {
        this(defaultTrunk, uplink, VxlanSettings.DEFAULTS);
    }
}
