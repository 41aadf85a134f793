package org.linuxrouter.hactl.render;

import java.util.List;
import org.linuxrouter.hactl.inventory.NfsExport;

/**
 * {@code /etc/exports}, identical on both nodes: every export with its fixed {@code fsid} (file handles survive
 * the failover) and {@code sync} unless the inventory asked for {@code async}.
 */
public final class ExportsRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(NodeContext ctx) {
        if (!ctx.inventory().isStorage()) {
            return List.of();
        }
        StringBuilder out = new StringBuilder(ctx.header("#"));
        out.append("# The cluster manager starts the NFS server on the active node; it is disabled at boot.\n");
        for (NfsExport e : ctx.inventory().exports()) {
            if (e.async()) {
                out.append("# async was asked for: writes acknowledged but not yet on DRBD are lost on failover\n");
            }
            out.append(e.path()).append(' ').append(e.clients()).append('(')
                    .append(String.join(",", e.effectiveOptions())).append(")\n");
        }
        return List.of(RenderedFile.text("etc/exports", out.toString()));
    }
}
