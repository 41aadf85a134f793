package org.linuxrouter.hactl;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.linuxrouter.hactl.inventory.LoadedInventory;
import org.linuxrouter.hactl.inventory.Node;
import org.linuxrouter.hactl.render.PairRenderer;
import org.linuxrouter.hactl.render.RenderWriter;
import org.linuxrouter.hactl.render.RenderedFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hactl render}: every file of every node, either into {@code <out>/<hostname>/...} (to review or copy) or,
 * with {@code --node}, one node's files straight into a root directory ({@code --root /} on the node itself).
 * Only files whose content or mode changed are written.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Write the DRBD, LVM, NFS, cluster and management-server files of each node.")
final class RenderCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-i", "--inventory"}, required = true, description = "the inventory YAML file")
    private Path inventory;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    static final class Target {
        @Option(names = {"-o", "--out"}, description = "write each node's files under <out>/<hostname>/")
        Path out;

        @ArgGroup(exclusive = false)
        OneNode one;
    }

    static final class OneNode {
        @Option(names = "--node", required = true, description = "render only this node (its hostname)")
        String node;

        @Option(names = "--root", required = true, description = "root directory the node's files go under, e.g. /")
        Path root;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedInventory loaded = Hactl.loadInventory(inventory, err);
        if (loaded == null) {
            return Hactl.DATA_ERROR;
        }
        for (String w : loaded.warnings()) {
            err.println("warning: " + w);
        }
        PairRenderer renderer = new PairRenderer();
        RenderWriter writer = new RenderWriter();
        try {
            if (target.out != null) {
                for (Map.Entry<String, List<RenderedFile>> e : renderer.render(loaded).entrySet()) {
                    report(out, e.getKey(), writer.write(target.out.resolve(e.getKey()), e.getValue()));
                }
            } else {
                Node node = loaded.inventory().node(target.one.node);
                if (node == null) {
                    err.println("hactl: --node " + target.one.node + " is not a node of the inventory");
                    return Hactl.USAGE;
                }
                report(out, node.hostname(), writer.write(target.one.root, renderer.renderNode(loaded, node)));
            }
        } catch (IOException e) {
            err.println("hactl: " + e.getMessage());
            return Hactl.IO_ERROR;
        }
        out.flush();
        return 0;
    }

    private static void report(PrintWriter out, String host, List<RenderWriter.Written> written) {
        long changed = written.stream().filter(w -> w.outcome() != RenderWriter.Outcome.UNCHANGED).count();
        for (RenderWriter.Written w : written) {
            if (w.outcome() != RenderWriter.Outcome.UNCHANGED) {
                out.println(host + ": " + w.outcome().name().toLowerCase(java.util.Locale.ROOT) + " /" + w.path());
            }
        }
        out.println(host + ": " + changed + " of " + written.size() + " files changed");
    }
}
