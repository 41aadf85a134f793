package org.linuxrouter.ha.status.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linuxrouter.ha.status.drbd.DrbdRole;
import org.linuxrouter.ha.status.node.FindmntParser;
import org.linuxrouter.ha.status.node.IpAddrParser;
import org.linuxrouter.ha.status.node.Mount;
import org.linuxrouter.ha.status.node.NfsExport;

/** §6.2's service-chain rules: the VIP on exactly one node, the Primary; filesystem, nfsd/exports or database there. */
final class ChainRules {
    private ChainRules() {
    }

    static void check(PairSpec spec, List<NodeReport> nodes, Findings f) {
        List<NodeReport> holders = new ArrayList<>();
        boolean allKnown = true;
        for (NodeReport n : nodes) {
            if (!n.addresses().known()) {
                allKnown = false;
                if (n.unreachableReason().isEmpty()) {
                    f.unknown(n.node() + ": addresses unknown (" + n.addresses().problem() + ")");
                }
            } else if (IpAddrParser.holder(n.addresses().value(), spec.floatingIp()).isPresent()) {
                holders.add(n);
            }
        }
        if (holders.size() > 1) {
            f.failed("floating IP " + spec.floatingIp() + " is on both nodes");
        } else if (holders.isEmpty() && allKnown) {
            f.failed("floating IP " + spec.floatingIp() + " is on neither node");
        }
        for (NodeReport n : nodes) {
            if (holders.contains(n)) {
                active(spec, n, f);
            } else if (n.unreachableReason().isEmpty()) {
                standby(spec, n, f);
            }
        }
    }

    private static void active(PairSpec spec, NodeReport n, Findings f) {
        if (n.drbd().known() && n.drbd().value().volumes().stream().noneMatch(v -> v.role() == DrbdRole.PRIMARY)) {
            f.failed(n.node() + " holds the floating IP but is not DRBD Primary");
        }
        boolean mounted = checkMounted(spec, n, f);
        if (mounted) {
            spec.mountPoint().flatMap(p -> FindmntParser.at(n.mounts().value(), p)).filter(Mount::readOnly)
                    .ifPresent(m -> f.failed(n.node() + ": " + m.target() + " is mounted read-only"));
        }
        if (spec.kind() == PairSpec.Kind.NFS_EXPORT) {
            nfs(spec, n, mounted, f);
        } else if (!n.databaseRunning().known()) {
            f.unknown(n.node() + ": database state unknown (" + n.databaseRunning().problem() + ")");
        } else if (!n.databaseRunning().value()) {
            f.failed(n.node() + " holds the floating IP but the database is not running");
        }
    }

    private static void nfs(PairSpec spec, NodeReport n, boolean mounted, Findings f) {
        if (!n.nfsdThreads().known()) {
            f.unknown(n.node() + ": nfsd state unknown (" + n.nfsdThreads().problem() + ")");
        } else if (n.nfsdThreads().value() == 0) {
            f.failed(n.node() + ": NFS server not running (0 nfsd threads)");
        }
        if (!n.exports().known()) {
            f.unknown(n.node() + ": exports unknown (" + n.exports().problem() + ")");
            return;
        }
        List<NfsExport> exports = n.exports().value();
        if (exports.isEmpty()) {
            f.failed(n.node() + (mounted ? ": filesystem mounted but nothing exported" : ": nothing exported"));
        }
        for (PairSpec.ExpectedExport want : spec.exports()) {
            Optional<NfsExport> have = exports.stream().filter(e -> e.path().equals(want.path())).findFirst();
            if (have.isEmpty()) {
                f.failed(n.node() + ": export " + want.path() + " missing");
            } else if (want.fsid().isPresent() && !want.fsid().equals(have.get().fsid())) {
                f.degraded(n.node() + ": export " + want.path() + " has fsid " + have.get().fsid().orElse("(none)")
                        + ", expected " + want.fsid().get() + ": clients get ESTALE after failover");
            }
        }
        for (NfsExport e : exports) {
            if (e.fsid().isEmpty()) {
                f.degraded(n.node() + ": export " + e.path() + " has no fsid: clients get ESTALE after failover");
            }
        }
    }

    private static boolean checkMounted(PairSpec spec, NodeReport n, Findings f) {
        if (spec.mountPoint().isEmpty()) {
            return true;
        }
        if (!n.mounts().known()) {
            f.unknown(n.node() + ": mounts unknown (" + n.mounts().problem() + ")");
            return false;
        }
        if (FindmntParser.at(n.mounts().value(), spec.mountPoint().get()).isEmpty()) {
            f.failed(n.node() + ": " + spec.mountPoint().get() + " is not mounted");
            return false;
        }
        return true;
    }

    /** The node without the VIP must not run the chain: a second mount of the DRBD filesystem corrupts it. */
    private static void standby(PairSpec spec, NodeReport n, Findings f) {
        if (spec.mountPoint().isPresent() && n.mounts().known()
                && FindmntParser.at(n.mounts().value(), spec.mountPoint().get()).isPresent()
                && n.drbd().known() && n.drbd().value().volumes().stream().anyMatch(v -> v.role() == DrbdRole.PRIMARY)) {
            f.failed(n.node() + " has " + spec.mountPoint().get() + " mounted as Primary without the floating IP");
        }
        if (spec.kind() == PairSpec.Kind.DATABASE && n.databaseRunning().known() && n.databaseRunning().value()) {
            f.failed(n.node() + " runs the database without the floating IP");
        }
    }
}
