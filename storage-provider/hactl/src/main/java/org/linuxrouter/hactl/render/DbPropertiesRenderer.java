package org.linuxrouter.hactl.render;

import java.util.List;
import java.util.Map;
import org.linuxrouter.hactl.inventory.Database;
import org.linuxrouter.hactl.inventory.Inventory;

/**
 * {@code /etc/cloudstack/management/db.properties} for each management server: both databases reached through
 * the pair's floating IP, CloudStack's own DB-HA (replica lists, StaticStrategy) off because the pair moves one
 * database instead, {@code cluster.node.IP} the node's own management address, and every other key the inventory
 * carries (user, encrypted password, pool settings) verbatim and sorted.
 */
public final class DbPropertiesRenderer implements FileRenderer {

    public static final String PATH = "etc/cloudstack/management/db.properties";

    @Override
    public List<RenderedFile> render(NodeContext ctx) {
        Inventory inv = ctx.inventory();
        if (!inv.isManagement()) {
            return List.of();
        }
        Database db = inv.database();
        String vip = inv.floatingIp().address();
        StringBuilder out = new StringBuilder(ctx.header("#"));
        out.append("cluster.node.IP=").append(ctx.node().managementAddress()).append('\n');
        out.append("cluster.servlet.port=").append(db.clusterServletPort()).append('\n');
        out.append("# the database follows the pair's floating IP; CloudStack's replica-based DB HA stays off\n");
        out.append("db.ha.enabled=false\n");
        out.append("db.cloud.host=").append(vip).append('\n');
        out.append("db.cloud.port=").append(db.port()).append('\n');
        out.append("db.cloud.name=").append(db.cloudDatabase()).append('\n');
        out.append("db.usage.host=").append(vip).append('\n');
        out.append("db.usage.port=").append(db.port()).append('\n');
        out.append("db.usage.name=").append(db.usageDatabase()).append('\n');
        for (Map.Entry<String, String> p : db.properties().entrySet()) {
            out.append(p.getKey()).append('=').append(escape(p.getValue())).append('\n');
        }
        // 0640: it holds the (encrypted) database password; CloudStack reads it as group cloud (chgrp once, kept after)
        return List.of(new RenderedFile(PATH, out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), 0640));
    }

    /** java.util.Properties reads a backslash as an escape; write it so CloudStack reads back the same value. */
    static String escape(String value) {
        String escaped = value.replace("\\", "\\\\");
        return escaped.startsWith(" ") ? "\\" + escaped : escaped;
    }
}
