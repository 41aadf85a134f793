package org.linuxrouter.hactl.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linuxrouter.hactl.inventory.LoadedInventory;
import org.linuxrouter.hactl.inventory.Node;

/** Every file of every node of the pair, in a fixed order: the whole output of {@code hactl render}. */
public final class PairRenderer {

    private final List<FileRenderer> renderers = List.of(
            new DrbdResourceRenderer(),
            new LvmFilterRenderer(),
            new ExportsRenderer(),
            new HeartbeatRenderer(),
            new CorosyncRenderer(),
            new CrmConfigRenderer(),
            new DbPropertiesRenderer(),
            new HaproxyRenderer(),
            new RestartDropInRenderer());

    /** Hostname to that node's files, sorted by path. */
    public Map<String, List<RenderedFile>> render(LoadedInventory loaded) {
        Map<String, List<RenderedFile>> out = new LinkedHashMap<>();
        for (Node node : loaded.inventory().nodes()) {
            out.put(node.hostname(), renderNode(loaded, node));
        }
        return out;
    }

    public List<RenderedFile> renderNode(LoadedInventory loaded, Node node) {
        NodeContext ctx = new NodeContext(loaded, node);
        List<RenderedFile> files = new ArrayList<>();
        for (FileRenderer r : renderers) {
            files.addAll(r.render(ctx));
        }
        files.sort(Comparator.comparing(RenderedFile::path));
        return List.copyOf(files);
    }
}
