package org.linuxrouter.cloudstack.registry;

import java.util.Objects;

import org.linuxrouter.protocol.model.Segment;

/** Where a network was configured: the router (by UUID) and the VLAN, as recorded in {@code network_details}. */
public final class Placement {
    private final String routerUuid;
    private final Segment segment;

    public Placement(String routerUuid, Segment segment) {
        this.routerUuid = Objects.requireNonNull(routerUuid, "routerUuid");
        this.segment = Objects.requireNonNull(segment, "segment");
    }

    public String routerUuid() {
        return routerUuid;
    }

    public Segment segment() {
        return segment;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Placement && ((Placement) other).routerUuid.equals(routerUuid)
                && ((Placement) other).segment.equals(segment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(routerUuid, segment);
    }

    @Override
    public String toString() {
        return segment + " on router " + routerUuid;
    }
}
