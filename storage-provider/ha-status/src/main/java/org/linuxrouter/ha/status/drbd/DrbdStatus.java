package org.linuxrouter.ha.status.drbd;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Every DRBD volume one node reports, and the reader and module version they came from. */
public final class DrbdStatus {
    /** Which output was parsed. */
    public enum Source { PROC_DRBD, EVENTS2, STATUS_JSON }

    private final Source source;
    private final String moduleVersion;
    private final List<DrbdVolume> volumes;

    public DrbdStatus(Source source, Optional<String> moduleVersion, List<DrbdVolume> volumes) {
        this.source = Objects.requireNonNull(source, "source");
        this.moduleVersion = moduleVersion.orElse(null);
        this.volumes = List.copyOf(volumes);
    }

    public Source source() {
        return source;
    }

    /** "8.4.11" from /proc/drbd's first line; the other readers do not say. */
    public Optional<String> moduleVersion() {
        return Optional.ofNullable(moduleVersion);
    }

    public List<DrbdVolume> volumes() {
        return volumes;
    }

    public Optional<DrbdVolume> volume(String key) {
        return volumes.stream().filter(v -> v.key().equals(key)).findFirst();
    }

    /**
     * On DRBD 8.4, events2 names the resources but only /proc/drbd has the resync percentage, ETA and {@code oos:};
     * this adds them by minor.
     */
    public DrbdStatus withProgressFrom(DrbdStatus procDrbd) {
        List<DrbdVolume> merged = new ArrayList<>();
        for (DrbdVolume v : volumes) {
            DrbdVolume m = v;
            if (v.minor().isPresent()) {
                for (DrbdVolume p : procDrbd.volumes) {
                    if (p.minor().equals(v.minor())) {
                        m = v.withProgress(p.sync(), p.outOfSyncKib());
                    }
                }
            }
            merged.add(m);
        }
        return new DrbdStatus(source, procDrbd.moduleVersion().or(this::moduleVersion), merged);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DrbdStatus && ((DrbdStatus) o).source == source
                && Objects.equals(((DrbdStatus) o).moduleVersion, moduleVersion) && ((DrbdStatus) o).volumes.equals(volumes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, moduleVersion, volumes);
    }

    @Override
    public String toString() {
        return source + " " + volumes;
    }
}
