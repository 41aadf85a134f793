package org.linuxrouter.daemon.api;

import java.util.Optional;
import org.linuxrouter.daemon.reconcile.DesiredKernel;
import org.linuxrouter.daemon.reconcile.Topology;
import org.linuxrouter.daemon.store.ConflictException;
import org.linuxrouter.daemon.store.DesiredState;
import org.linuxrouter.daemon.store.NetworkRecord;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.IpPrefix;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.ValidationException;

/**
 * The rules that need the other networks or the router's wiring, checked before a spec is stored: this router
 * serves VLAN segments; the link name {@code trunk.vid} fits the kernel; a VLAN is used once per trunk; subnets do
 * not overlap. Field-level rules are the protocol model's own.
 */
final class NetworkPolicy {

    private final Topology topology;

    NetworkPolicy(Topology topology) {
        this.topology = topology;
    }

    /** Throws {@link ValidationException} (400) or {@link ConflictException} (409); returns quietly when the spec fits. */
    void check(NetworkSpec spec, DesiredState state) {
        if (spec.segment().type() != Segment.Type.VLAN) {
            throw new ValidationException("segment", "expected vlan://1..4094 (this router serves VLAN networks), got "
                    + spec.segment().uri());
        }
        if (topology.uplink().isPresent() && effectiveTrunk(spec).equals(topology.uplink().get().value())) {
            throw new ValidationException("trunk", "expected a trunk other than the uplink "
                    + topology.uplink().get() + ", got " + effectiveTrunk(spec));
        }
        try {
            DesiredKernel.linkName(spec, topology);
        } catch (ValidationException e) {
            throw new ValidationException("trunk", "expected trunk.vlan to fit 15 bytes, got " + effectiveTrunk(spec)
                    + "." + spec.segment().id());
        }
        for (NetworkRecord other : state.networks().values()) {
            if (other.uuid().equals(spec.uuid())) {
                continue;
            }
            NetworkSpec o = other.spec();
            if (o.segment().equals(spec.segment()) && effectiveTrunk(o).equals(effectiveTrunk(spec))) {
                throw new ConflictException("segment: " + spec.segment().uri() + " on trunk " + effectiveTrunk(spec)
                        + " is already used by network " + o.uuid());
            }
            overlap("gateway4", Optional.of(spec.gateway4()), Optional.of(o.gateway4()), o);
            overlap("gateway6", spec.gateway6(), o.gateway6(), o);
        }
    }

    private String effectiveTrunk(NetworkSpec spec) {
        return spec.trunk().orElse(topology.defaultTrunk()).value();
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
