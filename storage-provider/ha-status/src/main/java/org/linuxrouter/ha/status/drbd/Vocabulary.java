package org.linuxrouter.ha.status.drbd;

import org.linuxrouter.ha.status.Malformed;

/** Looks DRBD words up, failing with the field and value named; and splits 8.4's combined {@code cs:}. */
final class Vocabulary {
    private Vocabulary() {
    }

    static DrbdRole role(String field, String text) {
        return DrbdRole.fromText(text).orElseThrow(() -> new Malformed("unknown " + field + " '" + text + "'"));
    }

    static DiskState disk(String field, String text) {
        return DiskState.fromText(text).orElseThrow(() -> new Malformed("unknown " + field + " '" + text + "'"));
    }

    static ConnectionState connection(String field, String text) {
        return ConnectionState.fromText(text).orElseThrow(() -> new Malformed("unknown " + field + " '" + text + "'"));
    }

    static ReplicationState replication(String field, String text) {
        return ReplicationState.fromText(text).orElseThrow(() -> new Malformed("unknown " + field + " '" + text + "'"));
    }

    /** An 8.4 {@code cs:} value as DRBD 9's connection + replication pair (drbd-utils' drbd_conn_str9/repl_str9). */
    static void applyCs84(String cs, DrbdVolume.Builder b) {
        switch (cs) {
            case "WFConnection":
            case "WFReportParams": // 8.4 handshake in progress: the 9 utils print Connecting/Connected; not yet usable
                b.connection(ConnectionState.CONNECTING).replication(ReplicationState.OFF);
                return;
            case "Connected":
                b.connection(ConnectionState.CONNECTED).replication(ReplicationState.ESTABLISHED);
                return;
            default:
                break;
        }
        var conn = ConnectionState.fromText(cs);
        if (conn.isPresent()) {
            b.connection(conn.get()).replication(ReplicationState.OFF);
            return;
        }
        var repl = ReplicationState.fromText(cs);
        if (repl.isPresent() && repl.get() != ReplicationState.OFF && repl.get() != ReplicationState.ESTABLISHED) {
            b.connection(ConnectionState.CONNECTED).replication(repl.get());
            return;
        }
        throw new Malformed("unknown connection state cs:" + cs);
    }
}
