package org.linuxrouter.hactl.render;

import java.util.List;
import org.linuxrouter.hactl.inventory.Cluster;
import org.linuxrouter.hactl.inventory.ClusterLink;
import org.linuxrouter.hactl.inventory.DrbdResource;
import org.linuxrouter.hactl.inventory.HeartbeatTimings;
import org.linuxrouter.hactl.inventory.Inventory;
import org.linuxrouter.hactl.inventory.LogicalVolume;
import org.linuxrouter.hactl.inventory.Node;

/**
 * Heartbeat v1 ({@code haresources} mode, the only one Debian 12's heartbeat 3.0.6 still has): {@code ha.cf},
 * {@code authkeys} (mode 0600, or heartbeat refuses to start) and {@code haresources}: drbddisk, the volume group,
 * one Filesystem per logical volume, the service, and the floating IP last ({@code IPaddr2}, iproute2). The recipe
 * puts the IP first; last is what the Pacemaker rendering does too, and the failover lab measured why: with the IP
 * first, clients are refused (TCP RST) for the whole rest of the takeover, and a kernel NFS client answers refusals
 * by backing its reconnects off (3, 6, 12, ... s), so it comes back later than the server; with the IP last they see
 * silence until the export is there, and their next retransmission reaches a ready server. IPaddr2 rather than the
 * recipe's IPaddr: it needs no net-tools ({@code ifconfig}) and runs fewer commands. Debian 12's lvm2 has no
 * {@code lvm2} init script any more, so the volume group is Heartbeat's own {@code LVM::<vg>} script, and
 * {@code nfs-common} is left out (its unit is masked on Debian 12: a silent no-op).
 */
public final class HeartbeatRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(NodeContext ctx) {
        if (!ctx.inventory().usesHeartbeat()) {
            return List.of();
        }
        return List.of(
                RenderedFile.text("etc/ha.d/ha.cf", haCf(ctx)),
                RenderedFile.secret("etc/ha.d/authkeys", authkeys(ctx)),
                RenderedFile.text("etc/ha.d/haresources", haresources(ctx)));
    }

    private static String haCf(NodeContext ctx) {
        Inventory inv = ctx.inventory();
        Cluster c = inv.cluster();
        HeartbeatTimings t = c.heartbeat();
        StringBuilder out = new StringBuilder(ctx.header("#"));
        out.append("logfile /var/log/ha-log\n");
        out.append("debugfile /var/log/ha-debug\n");
        out.append("keepalive ").append(t.keepalive()).append('\n');
        out.append("warntime ").append(t.warntime()).append('\n');
        out.append("deadtime ").append(t.deadtime()).append('\n');
        out.append("initdead ").append(t.initdead()).append('\n');
        out.append("udpport 694\n");
        out.append("# cluster communication paths: more than one, so one NIC or switch fault is not a split brain\n");
        for (ClusterLink l : c.links()) {
            if (ClusterLink.BCAST.equals(l.mode())) {
                out.append("bcast ").append(l.iface()).append('\n');
            } else {
                out.append("ucast ").append(l.iface()).append(' ').append(ctx.peer().addressOn(l.network()))
                        .append('\n');
            }
        }
        out.append("autojoin none\n");
        out.append("# no second failover when the old primary comes back\n");
        out.append("auto_failback off\n");
        for (Node n : inv.nodes()) {
            out.append("node ").append(n.hostname()).append('\n');
        }
        return out.toString();
    }

    private static String authkeys(NodeContext ctx) {
        return ctx.header("#") + "auth 1\n1 " + ctx.inventory().cluster().authMethod() + " " + ctx.loaded().secret()
                + "\n";
    }

    private static String haresources(NodeContext ctx) {
        Inventory inv = ctx.inventory();
        StringBuilder line = new StringBuilder(preferredNode(inv));
        for (DrbdResource r : inv.drbd()) {
            line.append(" drbddisk::").append(r.name());
        }
        line.append(" LVM::").append(inv.lvm().volumeGroup());
        for (LogicalVolume lv : inv.lvm().logicalVolumes()) {
            line.append(" Filesystem::").append(lv.devicePath(inv.lvm().volumeGroup())).append("::")
                    .append(lv.mountPoint()).append("::").append(lv.filesystem());
            if (!lv.mountOptions().isEmpty()) {
                line.append("::").append(String.join(",", lv.mountOptions()));
            }
        }
        line.append(' ').append(serviceOf(inv));
        line.append(" IPaddr2::").append(inv.floatingIp().address()).append('/').append(inv.floatingIp().prefix())
                .append('/').append(inv.floatingIp().iface());
        return ctx.header("#") + "# start order left to right, stop order right to left; identical on both nodes\n"
                + line + "\n";
    }

    static String preferredNode(Inventory inv) {
        String preferred = inv.cluster().preferredNode();
        return preferred != null ? preferred : inv.nodes().get(0).hostname();
    }

    /** The service the chain ends in: the NFS server, or the management pair's database. */
    static String serviceOf(Inventory inv) {
        return inv.isStorage() ? "nfs-kernel-server" : inv.database().service();
    }
}
