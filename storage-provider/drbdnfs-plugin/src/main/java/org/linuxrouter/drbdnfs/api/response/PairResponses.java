package org.linuxrouter.drbdnfs.api.response;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.linuxrouter.drbdnfs.health.NodeSummary;
import org.linuxrouter.drbdnfs.pair.NodeView;
import org.linuxrouter.drbdnfs.pair.PairSnapshot;
import org.linuxrouter.ha.status.health.NodeReport;
import org.linuxrouter.ha.status.node.IpAddrParser;

/** Builds the API's view of a snapshot. */
public final class PairResponses {
    private PairResponses() {
    }

    public static DrbdNfsPairResponse of(PairSnapshot s, String floatingIp) {
        DrbdNfsPairResponse r = new DrbdNfsPairResponse();
        r.setFloatingIp(floatingIp);
        r.setState(s.verdict().state().name());
        r.setReasons(s.verdict().reasons());
        r.setChecked(s.checked().toString());
        s.capacity().ifPresent(c -> {
            r.setCapacityBytes(c.totalBytes());
            r.setUsedBytes(c.usedBytes());
        });
        r.setNodes(s.nodes().stream().map(n -> node(n, floatingIp)).collect(Collectors.toList()));
        return r;
    }

    static DrbdNfsNodeResponse node(NodeView v, String floatingIp) {
        NodeReport n = v.report();
        DrbdNfsNodeResponse r = new DrbdNfsNodeResponse();
        r.setName(n.node());
        r.setAgent(v.agent().toString());
        r.setReachable(n.unreachableReason().isEmpty());
        r.setSummary(NodeSummary.of(v));
        r.setDrbd(n.drbd().known()
                ? n.drbd().value().volumes().stream().map(x -> x.describe()).collect(Collectors.toList())
                : List.of("unknown: " + n.drbd().problem()));
        if (n.addresses().known()) {
            r.setHoldsFloatingIp(IpAddrParser.holder(n.addresses().value(), floatingIp).isPresent());
            r.setAddresses(NodeSummary.addresses(n));
        }
        List<String> problems = new ArrayList<>();
        v.agentReport().ifPresent(a -> a.sources().forEach((name, out) -> out.error()
                .ifPresent(e -> problems.add(name + ": " + e))));
        n.unreachableReason().ifPresent(problems::add);
        r.setProblems(problems);
        return r;
    }

}
