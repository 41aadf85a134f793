package org.linuxrouter.hactl.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.cluster.ClStatusParser;
import org.linuxrouter.ha.status.cluster.ClusterStatus;
import org.linuxrouter.ha.status.cluster.CrmMonParser;
import org.linuxrouter.hactl.inventory.Node;

/**
 * The cluster manager runs here and sees both nodes: without it nothing fails over. Heartbeat through
 * {@code cl_status}, Pacemaker through {@code crm_mon -1 --output-as=xml}; every problem they report (a dead
 * node, a failed or blocked resource, no quorum) leaves the pair DEGRADED, since DRBD and the VIP checks say
 * whether it still serves.
 */
final class ClusterCheck implements Check {

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public List<Finding> run(DoctorContext ctx) {
        Reading<ClusterStatus> status = ctx.inventory().usesHeartbeat() ? heartbeat(ctx) : pacemaker(ctx);
        String stack = ctx.inventory().usesHeartbeat() ? "heartbeat" : "pacemaker";
        if (!status.known()) {
            return List.of(Finding.of(name(), Severity.DEGRADED, "cannot read the cluster's state: "
                    + status.problem(), "systemctl status " + (stack.equals("heartbeat") ? "heartbeat" : "pacemaker")));
        }
        ClusterStatus s = status.value();
        List<Finding> out = new ArrayList<>();
        for (String problem : s.problems()) {
            out.add(Finding.of(name(), Severity.DEGRADED, problem, s.running()
                    ? "bring the other node back, or clear the failure (" + (stack.equals("heartbeat")
                            ? "see /var/log/ha-log" : "crm resource cleanup") + ")"
                    : "systemctl start " + stack));
        }
        if (out.isEmpty()) {
            out.add(Finding.ok(name(), stack + " runs and sees " + s.nodes().size() + " nodes online"));
        }
        return out;
    }

    private static Reading<ClusterStatus> heartbeat(DoctorContext ctx) {
        CommandRunner.Result hb = ctx.system().run("cl_status", "hbstatus");
        if (hb.status() < 0 || hb.stdout().isBlank()) { // stopped is a non-zero exit with its message on stdout
            return Reading.unknown("cl_status hbstatus: " + hb.error());
        }
        Map<String, String> nodes = new LinkedHashMap<>();
        for (Node n : ctx.inventory().nodes()) {
            // an argument list, not a shell line; host names are validated by the inventory
            nodes.put(n.hostname(), ctx.system().run("cl_status", "nodestatus", n.hostname()).stdout());
        }
        return ClStatusParser.parse(hb.stdout(), nodes);
    }

    private static Reading<ClusterStatus> pacemaker(DoctorContext ctx) {
        CommandRunner.Result r = ctx.system().run("crm_mon", "-1", "--output-as=xml");
        if (r.stdout().isBlank()) {
            return Reading.unknown("crm_mon: " + r.error());
        }
        return CrmMonParser.parse(r.stdout());
    }
}
