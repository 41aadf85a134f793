package org.linuxrouter.hactl.doctor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.linuxrouter.hactl.inventory.Inventory;

/** Runs the checks that apply to the pair's kind and stack, and sums their findings up. */
public final class Doctor {

    /** The doctor's answer for one node: every finding, worst first, and the verdict. */
    public record Report(String node, String inventory, Severity worst, List<Finding> findings) {
        public String verdict() {
            return worst.verdict();
        }
    }

    public static List<Check> checksFor(Inventory inv) {
        List<Check> checks = new ArrayList<>(List.of(new HostnameCheck(), new RenderedFilesCheck(),
                new DrbdModuleCheck(), new DrbdStateCheck(), new FloatingIpCheck()));
        if (inv.isStorage()) {
            checks.add(new ExportsCheck());
        }
        checks.add(new BootCheck());
        checks.add(new ClusterCheck());
        checks.add(new ClusterAuthCheck());
        checks.add(new ClusterPathsCheck());
        checks.add(new TimeCheck());
        if (inv.isManagement()) {
            checks.add(new RestartPolicyCheck());
        }
        return checks;
    }

    /** The names {@code --skip} accepts. */
    public static Set<String> allCheckNames() {
        return Set.of("hostname", "files", "drbd-module", "drbd", "vip", "exports", "boot", "cluster", "cluster-auth",
                "cluster-paths", "time", "restart-policy");
    }

    public Report examine(DoctorContext ctx, Set<String> skip) {
        List<Finding> findings = new ArrayList<>();
        for (Check c : checksFor(ctx.inventory())) {
            if (!skip.contains(c.name())) {
                findings.addAll(c.run(ctx));
            }
        }
        findings.sort(Comparator.comparing(Finding::severity).reversed());
        Severity worst = findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElse(Severity.OK);
        return new Report(ctx.node().hostname(), ctx.inventory().name(), worst, List.copyOf(findings));
    }
}
