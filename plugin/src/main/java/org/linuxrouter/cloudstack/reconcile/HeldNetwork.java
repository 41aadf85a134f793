package org.linuxrouter.cloudstack.reconcile;

import java.util.List;
import java.util.Objects;

import org.linuxrouter.cloudstack.client.NetworkRef;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;

/** One network as CloudStack holds it for a router: the desired spec and the NICs whose addresses it routes. */
public final class HeldNetwork {
    private final NetworkRef ref;
    private final NetworkSpec spec;
    private final List<NicSpec> nics;

    public HeldNetwork(NetworkRef ref, NetworkSpec spec, List<NicSpec> nics) {
        this.ref = Objects.requireNonNull(ref, "ref");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.nics = List.copyOf(nics);
    }

    public NetworkRef ref() {
        return ref;
    }

    public NetworkSpec spec() {
        return spec;
    }

    public List<NicSpec> nics() {
        return nics;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HeldNetwork && ((HeldNetwork) other).ref.equals(ref)
                && ((HeldNetwork) other).spec.equals(spec) && ((HeldNetwork) other).nics.equals(nics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ref, spec, nics);
    }

    @Override
    public String toString() {
        return ref + " " + spec.segment() + " with " + nics.size() + " nics";
    }
}
