package org.linuxrouter.ha.status.health;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.cluster.ClusterStatus;
import org.linuxrouter.ha.status.drbd.DrbdStatus;
import org.linuxrouter.ha.status.node.InterfaceAddress;
import org.linuxrouter.ha.status.node.Mount;
import org.linuxrouter.ha.status.node.NfsExport;
import org.linuxrouter.ha.status.node.TimeSync;

/** Everything one node's agent observed. A source that was not collected reads as unknown, with that reason. */
public final class NodeReport {
    private static final Reading<?> NOT_COLLECTED = Reading.unknown("not collected");

    private final String node;
    private final Reading<DrbdStatus> drbd;
    private final Reading<ClusterStatus> cluster;
    private final Reading<List<InterfaceAddress>> addresses;
    private final Reading<List<Mount>> mounts;
    private final Reading<Integer> nfsdThreads;
    private final Reading<List<NfsExport>> exports;
    private final Reading<TimeSync> time;
    private final Reading<Boolean> databaseRunning;
    private final String unreachable;

    private NodeReport(Builder b) {
        if (b.node == null || b.node.isBlank()) {
            throw new IllegalArgumentException("node name is required");
        }
        this.node = b.node;
        this.drbd = b.drbd;
        this.cluster = b.cluster;
        this.addresses = b.addresses;
        this.mounts = b.mounts;
        this.nfsdThreads = b.nfsdThreads;
        this.exports = b.exports;
        this.time = b.time;
        this.databaseRunning = b.databaseRunning;
        this.unreachable = b.unreachable;
    }

    /** The node's agent did not answer: every reading is unknown with {@code reason}. */
    public static NodeReport unreachable(String node, String reason) {
        Reading<Object> r = Reading.unknown("agent unreachable: " + reason);
        Builder b = newBuilder(node);
        b.unreachable = reason;
        b.drbd = cast(r);
        b.addresses = cast(r);
        b.mounts = cast(r);
        b.nfsdThreads = cast(r);
        b.exports = cast(r);
        b.time = cast(r);
        b.databaseRunning = cast(r);
        return b.build();
    }

    /** Why the agent could not be asked; empty when it answered. */
    public Optional<String> unreachableReason() {
        return Optional.ofNullable(unreachable);
    }

    public static Builder newBuilder(String node) {
        Builder b = new Builder();
        b.node = node;
        return b;
    }

    public String node() {
        return node;
    }

    public Reading<DrbdStatus> drbd() {
        return drbd;
    }

    /** Empty when the pair runs without a cluster manager the agent knows (e.g. drbd-reactor). */
    public Optional<Reading<ClusterStatus>> cluster() {
        return Optional.ofNullable(cluster);
    }

    public Reading<List<InterfaceAddress>> addresses() {
        return addresses;
    }

    public Reading<List<Mount>> mounts() {
        return mounts;
    }

    public Reading<Integer> nfsdThreads() {
        return nfsdThreads;
    }

    public Reading<List<NfsExport>> exports() {
        return exports;
    }

    public Reading<TimeSync> time() {
        return time;
    }

    /** Management-server pair only: the database service is running on this node. */
    public Reading<Boolean> databaseRunning() {
        return databaseRunning;
    }

    @Override
    public String toString() {
        return node + " drbd=" + drbd + " cluster=" + cluster + " time=" + time;
    }

    private static <T> Reading<T> notCollected() {
        return cast(NOT_COLLECTED);
    }

    @SuppressWarnings("unchecked")
    private static <T> Reading<T> cast(Reading<?> unknown) {
        return (Reading<T>) unknown; // safe: an unknown reading holds no value
    }

    public static final class Builder {
        private String node;
        private Reading<DrbdStatus> drbd = notCollected();
        private Reading<ClusterStatus> cluster;
        private Reading<List<InterfaceAddress>> addresses = notCollected();
        private Reading<List<Mount>> mounts = notCollected();
        private Reading<Integer> nfsdThreads = notCollected();
        private Reading<List<NfsExport>> exports = notCollected();
        private Reading<TimeSync> time = notCollected();
        private Reading<Boolean> databaseRunning = notCollected();
        private String unreachable;

        private Builder() {
        }

        public Builder drbd(Reading<DrbdStatus> r) {
            this.drbd = Objects.requireNonNull(r);
            return this;
        }

        public Builder cluster(Reading<ClusterStatus> r) {
            this.cluster = r;
            return this;
        }

        public Builder addresses(Reading<List<InterfaceAddress>> r) {
            this.addresses = Objects.requireNonNull(r);
            return this;
        }

        public Builder mounts(Reading<List<Mount>> r) {
            this.mounts = Objects.requireNonNull(r);
            return this;
        }

        public Builder nfsdThreads(Reading<Integer> r) {
            this.nfsdThreads = Objects.requireNonNull(r);
            return this;
        }

        public Builder exports(Reading<List<NfsExport>> r) {
            this.exports = Objects.requireNonNull(r);
            return this;
        }

        public Builder time(Reading<TimeSync> r) {
            this.time = Objects.requireNonNull(r);
            return this;
        }

        public Builder databaseRunning(Reading<Boolean> r) {
            this.databaseRunning = Objects.requireNonNull(r);
            return this;
        }

        public NodeReport build() {
            return new NodeReport(this);
        }
    }
}
