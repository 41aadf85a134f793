package org.linuxrouter.ha.status.drbd;

import java.util.Optional;

/** DRBD disk states (8.4 and 9 share them; {@code Detaching} exists only in 9). */
public enum DiskState {
    DISKLESS("Diskless"), ATTACHING("Attaching"), DETACHING("Detaching"), FAILED("Failed"),
    NEGOTIATING("Negotiating"), INCONSISTENT("Inconsistent"), OUTDATED("Outdated"), DUNKNOWN("DUnknown"),
    CONSISTENT("Consistent"), UP_TO_DATE("UpToDate");

    private final String drbdName;

    DiskState(String drbdName) {
        this.drbdName = drbdName;
    }

    public String drbdName() {
        return drbdName;
    }

    public static Optional<DiskState> fromText(String text) {
        for (DiskState d : values()) {
            if (d.drbdName.equals(text)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
