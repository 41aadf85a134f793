package org.linuxrouter.hactl.render;

import java.util.ArrayList;
import java.util.List;
import org.linuxrouter.hactl.inventory.DrbdResource;
import org.linuxrouter.hactl.inventory.Inventory;
import org.linuxrouter.hactl.inventory.Node;

/**
 * {@code /etc/drbd.d/<resource>.res}, identical on both nodes. Two dialects: DRBD 8.4 (the module Debian 12's
 * kernel ships; {@code fencing} in {@code disk}, no node ids) and DRBD 9 ({@code fencing} in {@code net},
 * {@code node-id} per host, the {@code .9.sh} fence handlers). Split-brain policies follow LINBIT's guide: resolve
 * automatically only when one side wrote nothing or was secondary, never between two primaries. With Pacemaker,
 * resource-level fencing through the crm handlers keeps an outdated peer from being promoted; Heartbeat v1 has no
 * such path here, so it gets no fencing.
 */
public final class DrbdResourceRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(NodeContext ctx) {
        List<RenderedFile> files = new ArrayList<>();
        for (DrbdResource r : ctx.inventory().drbd()) {
            files.add(RenderedFile.text("etc/drbd.d/" + r.name() + ".res", resource(ctx, r)));
        }
        return files;
    }

    private static String resource(NodeContext ctx, DrbdResource r) {
        Inventory inv = ctx.inventory();
        boolean nine = inv.isDrbd9();
        boolean fencing = inv.usesPacemaker();
        StringBuilder out = new StringBuilder(ctx.header("#"));
        out.append("# DRBD ").append(nine ? "9" : "8.4").append(" syntax.\n");
        out.append("resource ").append(r.name()).append(" {\n");
        out.append("    startup {\n");
        out.append("        wfc-timeout 0;\n");
        out.append("        degr-wfc-timeout 120;\n");
        out.append("    }\n");
        out.append("    disk {\n");
        out.append("        on-io-error detach;\n");
        if (fencing && !nine) {
            out.append("        fencing resource-only;\n");
        }
        out.append("    }\n");
        out.append("    net {\n");
        out.append("        protocol ").append(r.protocol()).append(";\n");
        // A dead peer is noticed within ping-int + ping-timeout = 8 s, before the cluster declares it dead (Heartbeat's
        // deadtime, 10 s by default), so the promotion that follows succeeds at once instead of failing while DRBD
        // still believes the peer is primary (defaults: up to 10.5 s). ping-timeout 1 s instead of 0.5 s: a loaded
        // peer is not dropped for a late PingAck. timeout stays at the default 6 s (it must stay below ping-int).
        out.append("        ping-int 7;\n");
        out.append("        ping-timeout 10;\n");
        if (fencing && nine) {
            out.append("        fencing resource-only;\n");
        }
        out.append("        after-sb-0pri discard-zero-changes;\n");
        out.append("        after-sb-1pri discard-secondary;\n");
        out.append("        after-sb-2pri disconnect;\n");
        out.append("    }\n");
        if (fencing) {
            String suffix = nine ? ".9.sh" : ".sh";
            out.append("    handlers {\n");
            out.append("        fence-peer \"/usr/lib/drbd/crm-fence-peer").append(suffix).append("\";\n");
            out.append("        after-resync-target \"/usr/lib/drbd/crm-unfence-peer").append(suffix)
                    .append("\";\n");
            out.append("    }\n");
        }
        for (int i = 0; i < inv.nodes().size(); i++) {
            Node n = inv.nodes().get(i);
            out.append("    on ").append(n.hostname()).append(" {\n");
            if (nine) {
                out.append("        node-id ").append(i).append(";\n");
            }
            out.append("        device ").append(r.device()).append(";\n");
            out.append("        disk ").append(r.disk()).append(";\n");
            out.append("        address ").append(address(n.replicationAddress(), r.port())).append(";\n");
            out.append("        meta-disk internal;\n");
            out.append("    }\n");
        }
        out.append("}\n");
        return out.toString();
    }

    static String address(String ip, int port) {
        return ip.contains(":") ? "ipv6 [" + ip + "]:" + port : ip + ":" + port;
    }
}
