package org.linuxrouter.ha.status.health;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a healthy pair looks like: its floating IP, the mounted filesystem and, for NFS, the exports. */
public final class PairSpec {
    /** NFS_EXPORT: the chain ends in nfsd and exports. DATABASE: it ends in MariaDB (management-server pair). */
    public enum Kind { NFS_EXPORT, DATABASE }

    private final Kind kind;
    private final String floatingIp;
    private final String mountPoint;
    private final List<ExpectedExport> exports;
    private final double maxClockOffsetSeconds;

    private PairSpec(Builder b) {
        this.kind = Objects.requireNonNull(b.kind, "kind");
        if (b.floatingIp == null || b.floatingIp.isBlank()) {
            throw new IllegalArgumentException("floatingIp is required");
        }
        this.floatingIp = b.floatingIp;
        this.mountPoint = b.mountPoint;
        this.exports = List.copyOf(b.exports);
        if (!(b.maxClockOffsetSeconds > 0)) {
            throw new IllegalArgumentException("maxClockOffsetSeconds must be > 0, got " + b.maxClockOffsetSeconds);
        }
        this.maxClockOffsetSeconds = b.maxClockOffsetSeconds;
    }

    public static Builder newBuilder(Kind kind, String floatingIp) {
        Builder b = new Builder();
        b.kind = kind;
        b.floatingIp = floatingIp;
        return b;
    }

    public Kind kind() {
        return kind;
    }

    public String floatingIp() {
        return floatingIp;
    }

    /** Where the DRBD filesystem is mounted on the primary; empty: not checked. */
    public Optional<String> mountPoint() {
        return Optional.ofNullable(mountPoint);
    }

    /** Exports the primary must have; empty: every export must carry an fsid, and there must be one. */
    public List<ExpectedExport> exports() {
        return exports;
    }

    public double maxClockOffsetSeconds() {
        return maxClockOffsetSeconds;
    }

    /** An export path and, if pinned, its fsid. */
    public static final class ExpectedExport {
        private final String path;
        private final String fsid;

        public ExpectedExport(String path, Optional<String> fsid) {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("export path must be absolute, got " + path);
            }
            this.path = path;
            this.fsid = fsid.orElse(null);
        }

        public String path() {
            return path;
        }

        public Optional<String> fsid() {
            return Optional.ofNullable(fsid);
        }
    }

    public static final class Builder {
        private Kind kind;
        private String floatingIp;
        private String mountPoint;
        private List<ExpectedExport> exports = List.of();
        private double maxClockOffsetSeconds = 0.5;

        private Builder() {
        }

        public Builder mountPoint(String mountPoint) {
            this.mountPoint = mountPoint;
            return this;
        }

        public Builder exports(List<ExpectedExport> exports) {
            this.exports = exports;
            return this;
        }

        public Builder maxClockOffsetSeconds(double seconds) {
            this.maxClockOffsetSeconds = seconds;
            return this;
        }

        public PairSpec build() {
            return new PairSpec(this);
        }
    }
}
