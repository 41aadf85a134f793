package org.linuxrouter.ha.status.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.linuxrouter.ha.status.drbd.ConnectionState;
import org.linuxrouter.ha.status.drbd.DiskState;
import org.linuxrouter.ha.status.drbd.DrbdRole;
import org.linuxrouter.ha.status.drbd.DrbdVolume;

/** §6.2's DRBD rules: one Primary, connected, both disks UpToDate, I/O not frozen. */
final class DrbdRules {
    private DrbdRules() {
    }

    static void check(List<NodeReport> nodes, Findings f) {
        Map<String, Map<String, DrbdVolume>> byKey = new LinkedHashMap<>();
        int known = 0;
        for (NodeReport n : nodes) {
            if (!n.drbd().known()) {
                if (n.unreachableReason().isEmpty()) {
                    f.unknown(n.node() + ": DRBD state unknown (" + n.drbd().problem() + ")");
                }
                continue;
            }
            known++;
            for (DrbdVolume v : n.drbd().value().volumes()) {
                byKey.computeIfAbsent(v.key(), k -> new LinkedHashMap<>()).put(n.node(), v);
            }
        }
        if (known > 0 && byKey.isEmpty()) {
            f.failed("no DRBD resource is up on " + (known == 2 ? "either node" : "the reachable node"));
        }
        for (String key : new TreeSet<>(byKey.keySet())) {
            volume(key, byKey.get(key), nodes, f);
        }
    }

    private static void volume(String key, Map<String, DrbdVolume> views, List<NodeReport> nodes, Findings f) {
        for (NodeReport n : nodes) {
            if (n.drbd().known() && !views.containsKey(n.node())) {
                f.degraded(n.node() + ": DRBD " + key + " is not up (drbdadm up), no redundancy");
            }
        }
        long primaries = views.values().stream().filter(v -> v.role() == DrbdRole.PRIMARY).count();
        boolean someNodeUnseen = nodes.stream().anyMatch(n -> !n.drbd().known());
        boolean peerSaysPrimary = views.values().stream().anyMatch(v -> v.peerRole() == DrbdRole.PRIMARY);
        if (primaries > 1) {
            f.failed("DRBD " + key + ": two Primaries (split brain in progress: writes diverge)");
        } else if (primaries == 0 && someNodeUnseen && !peerSaysPrimary) {
            f.unknown("DRBD " + key + ": no Primary among the nodes that answered");
        } else if (primaries == 0 && !someNodeUnseen) {
            f.failed("DRBD " + key + ": no Primary, nothing serves the data");
        }
        for (Map.Entry<String, DrbdVolume> e : views.entrySet()) {
            view(e.getKey(), e.getValue(), views.size(), f);
        }
    }

    private static void view(String node, DrbdVolume v, int viewCount, Findings f) {
        String at = node + ": DRBD " + v.key() + " ";
        if (v.connection() == ConnectionState.STAND_ALONE) {
            f.failed(at + "StandAlone (split brain or disconnected by hand): needs an operator to reconnect");
        } else if (v.connection() != ConnectionState.CONNECTED) {
            f.degraded(at + v.connection().drbdName() + ": peer not connected, no redundancy");
        }
        if (v.ioSuspended()) {
            f.failed(at + "I/O suspended (fencing handler pending?), writes are frozen");
        }
        if (v.replication().resyncing()) {
            f.degraded(at + "resync " + v.replication().drbdName()
                    + v.sync().map(s -> " " + s.describe()).orElse(""));
        }
        if (v.role() == DrbdRole.PRIMARY) {
            primaryDisk(at, v, viewCount, f);
        } else if (v.disk() != DiskState.UP_TO_DATE && !v.replication().resyncing()) {
            f.degraded(at + "local disk " + v.disk().drbdName() + ", this node cannot take over");
        }
    }

    private static void primaryDisk(String at, DrbdVolume v, int viewCount, Findings f) {
        if (v.disk() == DiskState.DISKLESS) {
            f.degraded(at + "Primary is Diskless (detached after an I/O error): serving through the peer");
        } else if (v.disk() != DiskState.UP_TO_DATE && !v.replication().resyncing()) {
            f.failed(at + "Primary's disk is " + v.disk().drbdName() + ", not UpToDate");
        }
        // the secondary reports its own disk; only when it cannot, read it from the primary's side
        if (viewCount == 1 && v.connection() == ConnectionState.CONNECTED && v.peerDisk() != DiskState.UP_TO_DATE
                && !v.replication().resyncing()) {
            f.degraded(at + "peer disk " + v.peerDisk().drbdName() + ", the peer cannot take over");
        }
    }
}
