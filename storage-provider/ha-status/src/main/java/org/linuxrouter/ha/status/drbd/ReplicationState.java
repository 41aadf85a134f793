package org.linuxrouter.ha.status.drbd;

import java.util.Optional;

/** DRBD 9's per-peer-device replication states (8.4: the part of {@code cs:} beyond {@code Connected}). */
public enum ReplicationState {
    OFF("Off"), ESTABLISHED("Established"), STARTING_SYNC_S("StartingSyncS"), STARTING_SYNC_T("StartingSyncT"),
    WF_BIT_MAP_S("WFBitMapS"), WF_BIT_MAP_T("WFBitMapT"), WF_SYNC_UUID("WFSyncUUID"), SYNC_SOURCE("SyncSource"),
    SYNC_TARGET("SyncTarget"), PAUSED_SYNC_S("PausedSyncS"), PAUSED_SYNC_T("PausedSyncT"), VERIFY_S("VerifyS"),
    VERIFY_T("VerifyT"), AHEAD("Ahead"), BEHIND("Behind");

    private final String drbdName;

    ReplicationState(String drbdName) {
        this.drbdName = drbdName;
    }

    public String drbdName() {
        return drbdName;
    }

    /** Data is being (or about to be) copied between the nodes: redundancy is not complete yet. */
    public boolean resyncing() {
        switch (this) {
            case STARTING_SYNC_S: case STARTING_SYNC_T: case WF_BIT_MAP_S: case WF_BIT_MAP_T: case WF_SYNC_UUID:
            case SYNC_SOURCE: case SYNC_TARGET: case PAUSED_SYNC_S: case PAUSED_SYNC_T:
                return true;
            default:
                return false;
        }
    }

    public static Optional<ReplicationState> fromText(String text) {
        for (ReplicationState r : values()) {
            if (r.drbdName.equals(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
