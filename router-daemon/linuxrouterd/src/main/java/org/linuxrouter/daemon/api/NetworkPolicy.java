package org.linuxrouter.daemon.api;

import java.util.Optional;
import org.linuxrouter.daemon.kernel.InterfaceProbe;
import org.linuxrouter.daemon.reconcile.GuestLink;
import org.linuxrouter.daemon.reconcile.Topology;
import org.linuxrouter.daemon.store.ConflictException;
import org.linuxrouter.daemon.store.DesiredState;
import org.linuxrouter.daemon.store.NetworkRecord;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.IpPrefix;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.ValidationException;

/**
 * The rules that need the other networks or the router's wiring, checked before a spec is stored: the link name
 * fits the kernel; the link's own wiring rules ({@link GuestLink#checkWiring}); a link (a VLAN on a trunk, a VNI)
 * serves one network; subnets do not overlap. Field-level rules are the protocol model's own.
 */
final class NetworkPolicy {

    private final Topology topology;
    private final InterfaceProbe interfaces;

    NetworkPolicy(Topology topology, InterfaceProbe interfaces) {
        this.topology = topology;
        this.interfaces = interfaces;
    }

    /** Throws {@link ValidationException} (400) or {@link ConflictException} (409); returns quietly when the spec fits. */
    void check(NetworkSpec spec, DesiredState state) {
        GuestLink link = guestLink(spec);
        link.checkWiring(spec, topology, interfaces);
        for (NetworkRecord other : state.networks().values()) {
            if (other.uuid().equals(spec.uuid())) {
                continue;
            }
            NetworkSpec o = other.spec();
            if (guestLink(o).name().equals(link.name())) {
                throw new ConflictException("segment: " + spec.segment().uri() + " (link " + link.name()
                        + ") is already used by network " + o.uuid());
            }
            overlap("gateway4", Optional.of(spec.gateway4()), Optional.of(o.gateway4()), o);
            overlap("gateway6", spec.gateway6(), o.gateway6(), o);
        }
    }

    private GuestLink guestLink(NetworkSpec spec) {
        try {
            return GuestLink.of(spec, topology);
        } catch (ValidationException e) {
            if (!e.field().equals("trunk")) {
                throw e;
            }
            throw new ValidationException("trunk", "expected trunk.vlan to fit 15 bytes, got "
                    + spec.trunk().orElse(topology.defaultTrunk()) + "." + spec.segment().id());
        }
    }

    private static void overlap(String field, Optional<GatewayAddress> mine, Optional<GatewayAddress> theirs,
                                NetworkSpec other) {
        if (mine.isEmpty() || theirs.isEmpty()) {
            return;
        }
        IpPrefix a = mine.get().subnet();
        IpPrefix b = theirs.get().subnet();
        if (a.contains(b.network()) || b.contains(a.network())) {
            throw new ConflictException(field + ": subnet " + a + " overlaps " + b + " of network " + other.uuid());
        }
    }
}
