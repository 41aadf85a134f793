package org.linuxrouter.ha.status.drbd;

import java.util.Optional;

/** A DRBD resource role; the peer's role is {@code UNKNOWN} while not connected. */
public enum DrbdRole {
    PRIMARY("Primary"), SECONDARY("Secondary"), UNKNOWN("Unknown");

    private final String drbdName;

    DrbdRole(String drbdName) {
        this.drbdName = drbdName;
    }

    public String drbdName() {
        return drbdName;
    }

    public static Optional<DrbdRole> fromText(String text) {
        for (DrbdRole r : values()) {
            if (r.drbdName.equals(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
