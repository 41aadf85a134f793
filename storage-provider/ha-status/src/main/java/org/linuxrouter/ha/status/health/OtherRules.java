package org.linuxrouter.ha.status.health;

import java.util.List;
import java.util.Locale;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.cluster.ClusterStatus;
import org.linuxrouter.ha.status.drbd.ConnectionState;
import org.linuxrouter.ha.status.node.LeapStatus;
import org.linuxrouter.ha.status.node.TimeSync;

/** Reachability, cluster manager, clocks and outside probes. */
final class OtherRules {
    private OtherRules() {
    }

    /** An unreachable agent is a down node (DEGRADED) if the other node's DRBD lost its peer too, else UNKNOWN. */
    static void reachability(List<NodeReport> nodes, Findings f) {
        for (NodeReport n : nodes) {
            if (n.unreachableReason().isEmpty()) {
                continue;
            }
            boolean peerLinkDown = nodes.stream().filter(o -> o != n && o.drbd().known())
                    .flatMap(o -> o.drbd().value().volumes().stream())
                    .anyMatch(v -> v.connection() != ConnectionState.CONNECTED);
            String why = n.unreachableReason().get();
            if (peerLinkDown) {
                f.degraded(n.node() + " is down: its agent does not answer (" + why + ") and DRBD lost it");
            } else {
                f.unknown(n.node() + ": agent does not answer (" + why + ")");
            }
        }
    }

    static void cluster(List<NodeReport> nodes, Findings f) {
        for (NodeReport n : nodes) {
            if (n.cluster().isEmpty() || n.unreachableReason().isPresent()) {
                continue;
            }
            Reading<ClusterStatus> c = n.cluster().get();
            if (!c.known()) {
                f.unknown(n.node() + ": cluster state unknown (" + c.problem() + ")");
                continue;
            }
            for (String p : c.value().problems()) {
                // Pacemaker reports the same cluster-wide view on both nodes: keep one copy of each line
                f.degraded(c.value().stack() == ClusterStatus.Stack.PACEMAKER && c.value().running()
                        ? "pacemaker: " + p : n.node() + ": " + p);
            }
        }
    }

    static void time(PairSpec spec, List<NodeReport> nodes, Findings f) {
        for (NodeReport n : nodes) {
            if (n.unreachableReason().isPresent()) {
                continue;
            }
            if (!n.time().known()) {
                f.unknown(n.node() + ": time sync unknown (" + n.time().problem() + ")");
                continue;
            }
            TimeSync t = n.time().value();
            if (!t.synchronised()) {
                f.degraded(n.node() + ": clock not synchronised (" + t.source() + ")");
            }
            if (t.offsetSeconds().isPresent() && t.offsetSeconds().getAsDouble() > spec.maxClockOffsetSeconds()) {
                f.degraded(String.format(Locale.ROOT, "%s: clock %.3f s off (limit %.3f s)", n.node(),
                        t.offsetSeconds().getAsDouble(), spec.maxClockOffsetSeconds()));
            }
            if (t.leap() == LeapStatus.INSERT_SECOND || t.leap() == LeapStatus.DELETE_SECOND) {
                f.degraded(n.node() + ": leap second pending (" + t.leap().chronyName() + ")");
            }
        }
    }

    static void probes(List<Probe> probes, Findings f) {
        for (Probe p : probes) {
            if (!p.answered().known()) {
                f.unknown(p.description() + ": not checked (" + p.answered().problem() + ")");
            } else if (!p.answered().value()) {
                f.add(p.whenDown(), p.description() + ": no answer");
            }
        }
    }
}
