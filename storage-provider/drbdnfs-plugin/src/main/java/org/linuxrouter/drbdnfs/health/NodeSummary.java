package org.linuxrouter.drbdnfs.health;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.linuxrouter.drbdnfs.pair.NodeView;
import org.linuxrouter.ha.status.health.NodeReport;
import org.linuxrouter.ha.status.node.InterfaceAddress;

/** One line per node for pool details: "storage1: r0/0 Primary/Secondary UpToDate/UpToDate Connected; nfsd 8". */
public final class NodeSummary {
    private NodeSummary() {
    }

    public static String of(NodeView view) {
        NodeReport r = view.report();
        if (r.unreachableReason().isPresent()) {
            return r.node() + ": agent " + view.agent().getHost() + " unreachable: " + r.unreachableReason().get();
        }
        List<String> parts = new ArrayList<>();
        parts.add(r.drbd().known()
                ? r.drbd().value().volumes().stream().map(v -> v.describe()).collect(Collectors.joining(", "))
                : "DRBD unknown");
        r.nfsdThreads().asOptional().ifPresent(t -> parts.add("nfsd " + t));
        r.databaseRunning().asOptional().ifPresent(d -> parts.add(d ? "database running" : "database stopped"));
        r.time().asOptional().ifPresent(t -> parts.add(t.synchronised() ? "clock synchronised" : "clock NOT synchronised"));
        return r.node() + ": " + String.join("; ", parts);
    }

    /** The addresses a node reported, for the API ("10.0.0.10/24 dev eth0"). */
    public static List<String> addresses(NodeReport r) {
        return r.addresses().asOptional().orElse(List.of()).stream().map(InterfaceAddress::toString)
                .collect(Collectors.toList());
    }
}
