package org.linuxrouter.hactl.render;

import java.util.List;
import org.linuxrouter.hactl.inventory.Haproxy;
import org.linuxrouter.hactl.inventory.Inventory;
import org.linuxrouter.hactl.inventory.Node;

/**
 * {@code /etc/haproxy/haproxy.cfg} balancing the management servers, as CloudStack's reliability guide asks: the
 * UI/API port over HTTP with persistence (a login session lives on one server; a cookie keeps it there), and the
 * agent port over TCP with persistence by source address (an agent keeps one long connection). Health checks take
 * a dead server out; the agent timeouts are long because agents hold their connection for hours.
 */
public final class HaproxyRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(NodeContext ctx) {
        Inventory inv = ctx.inventory();
        if (!inv.isManagement() || inv.haproxy() == null) {
            return List.of();
        }
        Haproxy h = inv.haproxy();
        StringBuilder out = new StringBuilder(ctx.header("#"));
        out.append("global\n");
        out.append("    log /dev/log local0\n");
        out.append("    chroot /var/lib/haproxy\n");
        out.append("    stats socket /run/haproxy/admin.sock mode 660 level admin\n");
        out.append("    user haproxy\n");
        out.append("    group haproxy\n");
        out.append("    daemon\n\n");
        out.append("defaults\n");
        out.append("    log global\n");
        out.append("    timeout connect 5s\n");
        out.append("    timeout client 60s\n");
        out.append("    timeout server 60s\n\n");
        out.append("# CloudStack UI and API: HTTP, sticky by cookie\n");
        out.append("listen cloudstack-ui\n");
        out.append("    bind ").append(bind(h.bindAddress(), h.httpPort())).append('\n');
        out.append("    mode http\n");
        out.append("    option httplog\n");
        out.append("    option forwardfor\n");
        out.append("    balance roundrobin\n");
        out.append("    cookie SERVERID insert indirect nocache\n");
        out.append("    option httpchk GET /client/\n");
        for (Node n : inv.nodes()) {
            out.append("    server ").append(n.hostname()).append(' ').append(bind(n.managementAddress(), 8080))
                    .append(" check cookie ").append(n.hostname()).append('\n');
        }
        out.append("\n# CloudStack agents (hosts, system VMs): long-lived TCP, sticky by source address\n");
        out.append("listen cloudstack-agent\n");
        out.append("    bind ").append(bind(h.bindAddress(), h.agentPort())).append('\n');
        out.append("    mode tcp\n");
        out.append("    option tcplog\n");
        out.append("    balance source\n");
        out.append("    stick-table type ip size 200k expire 30m\n");
        out.append("    stick on src\n");
        out.append("    timeout client 1h\n");
        out.append("    timeout server 1h\n");
        for (Node n : inv.nodes()) {
            out.append("    server ").append(n.hostname()).append(' ').append(bind(n.managementAddress(), 8250))
                    .append(" check\n");
        }
        return List.of(RenderedFile.text("etc/haproxy/haproxy.cfg", out.toString()));
    }

    static String bind(String address, int port) {
        return address.contains(":") ? "ipv6@" + address + ":" + port : address + ":" + port;
    }
}
