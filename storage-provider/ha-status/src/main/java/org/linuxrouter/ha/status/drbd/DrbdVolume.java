package org.linuxrouter.ha.status.drbd;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What one node sees of one DRBD volume and its (single) peer: the same model whichever reader produced it
 * ({@code /proc/drbd}, {@code drbdsetup events2 --now}, {@code drbdsetup status --json}).
 */
public final class DrbdVolume {
    private final String resource;
    private final int volume;
    private final int minor;
    private final DrbdRole role;
    private final DrbdRole peerRole;
    private final DiskState disk;
    private final DiskState peerDisk;
    private final ConnectionState connection;
    private final ReplicationState replication;
    private final boolean ioSuspended;
    private final SyncProgress sync;
    private final long outOfSyncKib;

    private DrbdVolume(Builder b) {
        this.resource = b.resource;
        this.volume = b.volume;
        this.minor = b.minor;
        this.role = Objects.requireNonNull(b.role, "role");
        this.peerRole = Objects.requireNonNull(b.peerRole, "peerRole");
        this.disk = Objects.requireNonNull(b.disk, "disk");
        this.peerDisk = Objects.requireNonNull(b.peerDisk, "peerDisk");
        this.connection = Objects.requireNonNull(b.connection, "connection");
        this.replication = Objects.requireNonNull(b.replication, "replication");
        this.ioSuspended = b.ioSuspended;
        this.sync = b.sync;
        this.outOfSyncKib = b.outOfSyncKib;
        if (resource == null && minor < 0) {
            throw new IllegalArgumentException("a volume needs a resource name or a minor");
        }
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** The resource name; /proc/drbd (8.4) knows only minors. */
    public Optional<String> resource() {
        return Optional.ofNullable(resource);
    }

    public int volume() {
        return volume;
    }

    public OptionalInt minor() {
        return minor < 0 ? OptionalInt.empty() : OptionalInt.of(minor);
    }

    /** How both nodes' views of the same volume are matched: "r0/0" or, from /proc/drbd, "minor 0". */
    public String key() {
        return resource != null ? resource + "/" + volume : "minor " + minor;
    }

    public DrbdRole role() {
        return role;
    }

    public DrbdRole peerRole() {
        return peerRole;
    }

    public DiskState disk() {
        return disk;
    }

    public DiskState peerDisk() {
        return peerDisk;
    }

    public ConnectionState connection() {
        return connection;
    }

    public ReplicationState replication() {
        return replication;
    }

    /** I/O frozen (8.4 flag 's', 9 {@code suspended}): e.g. resource-and-stonith waiting for the fence handler. */
    public boolean ioSuspended() {
        return ioSuspended;
    }

    public Optional<SyncProgress> sync() {
        return Optional.ofNullable(sync);
    }

    /** KiB known to differ from the peer (8.4 {@code oos:}, 9 {@code out-of-sync}). */
    public OptionalLong outOfSyncKib() {
        return outOfSyncKib < 0 ? OptionalLong.empty() : OptionalLong.of(outOfSyncKib);
    }

    /** One line in drbdadm's vocabulary, for reasons and the API: "r0/0 Primary/Secondary UpToDate/UpToDate Connected". */
    public String describe() {
        StringBuilder s = new StringBuilder(key()).append(' ')
                .append(role.drbdName()).append('/').append(peerRole.drbdName()).append(' ')
                .append(disk.drbdName()).append('/').append(peerDisk.drbdName()).append(' ')
                .append(connection.drbdName());
        if (replication != ReplicationState.OFF && replication != ReplicationState.ESTABLISHED) {
            s.append(' ').append(replication.drbdName());
        }
        if (ioSuspended) {
            s.append(" io-suspended");
        }
        if (sync != null) {
            s.append(" (").append(sync.describe()).append(')');
        }
        return s.toString();
    }

    /** The same volume with progress and counters taken from another reader (events2 names + /proc/drbd's oos:). */
    public DrbdVolume withProgress(Optional<SyncProgress> progress, OptionalLong oosKib) {
        Builder b = toBuilder();
        b.sync = progress.orElse(sync);
        b.outOfSyncKib = oosKib.isPresent() ? oosKib.getAsLong() : outOfSyncKib;
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.resource = resource;
        b.volume = volume;
        b.minor = minor;
        b.role = role;
        b.peerRole = peerRole;
        b.disk = disk;
        b.peerDisk = peerDisk;
        b.connection = connection;
        b.replication = replication;
        b.ioSuspended = ioSuspended;
        b.sync = sync;
        b.outOfSyncKib = outOfSyncKib;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DrbdVolume)) {
            return false;
        }
        DrbdVolume v = (DrbdVolume) o;
        return volume == v.volume && minor == v.minor && ioSuspended == v.ioSuspended && outOfSyncKib == v.outOfSyncKib
                && Objects.equals(resource, v.resource) && role == v.role && peerRole == v.peerRole && disk == v.disk
                && peerDisk == v.peerDisk && connection == v.connection && replication == v.replication
                && Objects.equals(sync, v.sync);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resource, volume, minor, role, peerRole, disk, peerDisk, connection, replication);
    }

    @Override
    public String toString() {
        return describe();
    }

    public static final class Builder {
        private String resource;
        private int volume;
        private int minor = -1;
        private DrbdRole role;
        private DrbdRole peerRole = DrbdRole.UNKNOWN;
        private DiskState disk;
        private DiskState peerDisk = DiskState.DUNKNOWN;
        private ConnectionState connection = ConnectionState.STAND_ALONE;
        private ReplicationState replication = ReplicationState.OFF;
        private boolean ioSuspended;
        private SyncProgress sync;
        private long outOfSyncKib = -1;

        private Builder() {
        }

        public Builder resource(String name) {
            this.resource = name;
            return this;
        }

        public Builder volume(int volume) {
            this.volume = volume;
            return this;
        }

        public Builder minor(int minor) {
            this.minor = minor;
            return this;
        }

        public Builder role(DrbdRole role) {
            this.role = role;
            return this;
        }

        public Builder peerRole(DrbdRole peerRole) {
            this.peerRole = peerRole;
            return this;
        }

        public Builder disk(DiskState disk) {
            this.disk = disk;
            return this;
        }

        public Builder peerDisk(DiskState peerDisk) {
            this.peerDisk = peerDisk;
            return this;
        }

        public Builder connection(ConnectionState connection) {
            this.connection = connection;
            return this;
        }

        public Builder replication(ReplicationState replication) {
            this.replication = replication;
            return this;
        }

        public Builder ioSuspended(boolean suspended) {
            this.ioSuspended = suspended;
            return this;
        }

        public Builder sync(SyncProgress sync) {
            this.sync = sync;
            return this;
        }

        public Builder outOfSyncKib(long kib) {
            this.outOfSyncKib = kib;
            return this;
        }

        public DrbdVolume build() {
            return new DrbdVolume(this);
        }
    }
}
