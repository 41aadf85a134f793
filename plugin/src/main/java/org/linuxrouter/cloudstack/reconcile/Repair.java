package org.linuxrouter.cloudstack.reconcile;

import java.util.Objects;
import java.util.Optional;

import org.linuxrouter.cloudstack.client.NetworkRef;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Uuid;

/** One idempotent change to a router, in the order a plan applies them. */
public final class Repair {
    /** What the repair does on the router. */
    public enum Kind {
        PUT_NETWORK("put network"),
        PUT_NIC("put nic"),
        DELETE_NIC("delete nic"),
        DELETE_NETWORK("delete network");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final Kind kind;
    private final NetworkRef network;
    private final NetworkSpec spec;
    private final NicSpec nic;
    private final Uuid nicUuid;

    private Repair(Kind kind, NetworkRef network, NetworkSpec spec, NicSpec nic, Uuid nicUuid) {
        this.kind = kind;
        this.network = Objects.requireNonNull(network, "network");
        this.spec = spec;
        this.nic = nic;
        this.nicUuid = nicUuid;
    }

    public static Repair putNetwork(NetworkRef network, NetworkSpec spec) {
        return new Repair(Kind.PUT_NETWORK, network, Objects.requireNonNull(spec, "spec"), null, null);
    }

    public static Repair putNic(NetworkRef network, NicSpec nic) {
        return new Repair(Kind.PUT_NIC, network, null, Objects.requireNonNull(nic, "nic"), nic.uuid());
    }

    public static Repair deleteNic(NetworkRef network, Uuid nic) {
        return new Repair(Kind.DELETE_NIC, network, null, null, Objects.requireNonNull(nic, "nic"));
    }

    public static Repair deleteNetwork(NetworkRef network) {
        return new Repair(Kind.DELETE_NETWORK, network, null, null, null);
    }

    public Kind kind() {
        return kind;
    }

    public NetworkRef network() {
        return network;
    }

    /** The spec of a {@link Kind#PUT_NETWORK}. */
    public Optional<NetworkSpec> spec() {
        return Optional.ofNullable(spec);
    }

    /** The NIC of a {@link Kind#PUT_NIC}. */
    public Optional<NicSpec> nic() {
        return Optional.ofNullable(nic);
    }

    /** The NIC a {@link Kind#PUT_NIC} or {@link Kind#DELETE_NIC} is about. */
    public Optional<Uuid> nicUuid() {
        return Optional.ofNullable(nicUuid);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Repair)) {
            return false;
        }
        Repair that = (Repair) other;
        return kind == that.kind && network.equals(that.network) && Objects.equals(spec, that.spec)
                && Objects.equals(nic, that.nic) && Objects.equals(nicUuid, that.nicUuid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, network, spec, nic, nicUuid);
    }

    /** For logs: {@code put nic 0a1b... of network 3f25... (guest-100)}. */
    @Override
    public String toString() {
        return kind.text() + (nicUuid == null ? " " : " " + nicUuid + " of ") + network;
    }
}
