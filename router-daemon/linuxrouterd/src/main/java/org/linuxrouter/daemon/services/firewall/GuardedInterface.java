package org.linuxrouter.daemon.services.firewall;

import java.util.List;
import java.util.Objects;
import org.linuxrouter.protocol.model.InterfaceName;

/** A guest interface of the router (a network's VLAN subinterface or VXLAN device) and the NICs registered on it. */
public record GuardedInterface(InterfaceName link, List<GuestBinding> guests) {
    public GuardedInterface {
        Objects.requireNonNull(link, "link");
        guests = List.copyOf(guests);
    }
}
