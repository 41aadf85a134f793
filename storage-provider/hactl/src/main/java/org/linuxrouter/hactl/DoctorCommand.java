package org.linuxrouter.hactl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.linuxrouter.hactl.doctor.CommandRunner;
import org.linuxrouter.hactl.doctor.Doctor;
import org.linuxrouter.hactl.doctor.DoctorContext;
import org.linuxrouter.hactl.doctor.Finding;
import org.linuxrouter.hactl.doctor.NodeSystem;
import org.linuxrouter.hactl.doctor.ProcessCommandRunner;
import org.linuxrouter.hactl.inventory.LoadedInventory;
import org.linuxrouter.hactl.inventory.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hactl doctor}: checks this node's live system against the inventory, prints each finding with its
 * severity and fix, and exits with the worst severity (0 HEALTHY, 1 WARNING, 2 DEGRADED, 3 FAILED).
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check this node against the inventory; exit 0 HEALTHY, 1 WARNING, 2 DEGRADED, 3 FAILED.")
final class DoctorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-i", "--inventory"}, required = true, description = "the inventory YAML file")
    private Path inventory;

    @Option(names = "--node", description = "which node this is (default: uname -n)")
    private String nodeName;

    @Option(names = "--root", defaultValue = "/", description = "root directory of the node's files (default /)")
    private Path root;

    @Option(names = "--json", description = "print the report as JSON")
    private boolean json;

    @Option(names = "--skip", split = ",", description = "checks to leave out: ${COMPLETION-CANDIDATES}",
            completionCandidates = CheckNames.class)
    private List<String> skip = List.of();

    private CommandRunner runner = new ProcessCommandRunner();

    /** Tests run the command against recorded outputs. */
    DoctorCommand withRunner(CommandRunner r) {
        this.runner = r;
        return this;
    }

    static final class CheckNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return new TreeSet<>(Doctor.allCheckNames()).iterator();
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<String> skipped = new HashSet<>(skip);
        if (!Doctor.allCheckNames().containsAll(skipped)) {
            skipped.removeAll(Doctor.allCheckNames());
            err.println("hactl: --skip: unknown check(s) " + new TreeSet<>(skipped) + "; known: "
                    + new TreeSet<>(Doctor.allCheckNames()));
            return Hactl.USAGE;
        }
        LoadedInventory loaded = Hactl.loadInventory(inventory, err);
        if (loaded == null) {
            return Hactl.DATA_ERROR;
        }
        NodeSystem system = new NodeSystem(root, runner);
        String name = nodeName != null ? nodeName : system.run("uname", "-n").stdout().strip();
        Node node = loaded.inventory().node(name);
        if (node == null) {
            err.println("hactl: this node ('" + name + "') is not in inventory '" + loaded.inventory().name()
                    + "'; its nodes are " + loaded.inventory().nodes().stream().map(Node::hostname).toList()
                    + " (the host name must equal the DRBD 'on' name; --node selects one)");
            return Hactl.USAGE;
        }
        Doctor.Report report = new Doctor().examine(new DoctorContext(loaded, node, system), skipped);
        if (json) {
            out.println(toJson(report));
        } else {
            print(out, report);
        }
        out.flush();
        return report.worst().exitCode();
    }

    private static void print(PrintWriter out, Doctor.Report report) {
        out.println(report.node() + " (inventory " + report.inventory() + "): " + report.verdict());
        for (Finding f : report.findings()) {
            out.printf(Locale.ROOT, "  %-8s %-14s %s%n", f.severity(), f.check(), f.message());
            if (f.fix() != null) {
                out.printf(Locale.ROOT, "  %-8s %-14s fix: %s%n", "", "", f.fix());
            }
        }
    }

    static String toJson(Doctor.Report report) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("node", report.node());
        root.put("inventory", report.inventory());
        root.put("verdict", report.verdict());
        root.put("exitCode", report.worst().exitCode());
        root.set("findings", mapper.valueToTree(report.findings()));
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }
}
