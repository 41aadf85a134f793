package org.linuxrouter.hactl.render;

import java.util.ArrayList;
import java.util.List;
import org.linuxrouter.hactl.inventory.DrbdResource;
import org.linuxrouter.hactl.inventory.FloatingIp;
import org.linuxrouter.hactl.inventory.Inventory;
import org.linuxrouter.hactl.inventory.LogicalVolume;
import org.linuxrouter.hactl.inventory.NfsExport;

/**
 * {@code /etc/hactl/cluster.crm}: the Pacemaker configuration in crm shell syntax, loaded once on one node with
 * {@code crm configure load update /etc/hactl/cluster.crm}. Each DRBD resource is an {@code ocf:linbit:drbd}
 * promotable clone; one group holds the chain in start order — LVM-activate, one Filesystem per logical volume, the
 * service (nfs-server with one exportfs per export, or the database) and the floating IP last, so clients never
 * reach a node before its exports exist. The group runs where DRBD is promoted, after the promotion.
 */
public final class CrmConfigRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(NodeContext ctx) {
        if (!ctx.inventory().usesPacemaker()) {
            return List.of();
        }
        return List.of(RenderedFile.text("etc/hactl/cluster.crm", crm(ctx)));
    }

    private static String crm(NodeContext ctx) {
        Inventory inv = ctx.inventory();
        StringBuilder out = new StringBuilder(ctx.header("#"));
        out.append("# Load on one node: crm configure load update /etc/hactl/cluster.crm\n");
        out.append("property cib-bootstrap-options: \\\n");
        out.append("    stonith-enabled=").append(inv.cluster().stonith()).append(" \\\n");
        out.append("    cluster-name=").append(inv.name()).append('\n');
        out.append("# stay where the resources run when the old node returns (Heartbeat's auto_failback off)\n");
        out.append("rsc_defaults rsc-options: \\\n");
        out.append("    resource-stickiness=100\n");
        for (DrbdResource r : inv.drbd()) {
            out.append("primitive p_drbd_").append(id(r.name())).append(" ocf:linbit:drbd \\\n");
            out.append("    params drbd_resource=").append(r.name()).append(" \\\n");
            out.append("    op start timeout=240s interval=0 \\\n");
            out.append("    op stop timeout=100s interval=0 \\\n");
            out.append("    op promote timeout=90s interval=0 \\\n");
            out.append("    op demote timeout=90s interval=0 \\\n");
            out.append("    op monitor interval=29s role=Promoted \\\n");
            out.append("    op monitor interval=31s role=Unpromoted\n");
            out.append("clone c_drbd_").append(id(r.name())).append(" p_drbd_").append(id(r.name())).append(" \\\n");
            out.append("    meta promotable=true promoted-max=1 promoted-node-max=1 clone-max=2 clone-node-max=1 "
                    + "notify=true\n");
        }
        List<String> group = new ArrayList<>();
        String vg = inv.lvm().volumeGroup();
        out.append("primitive p_lvm_").append(id(vg)).append(" ocf:heartbeat:LVM-activate \\\n");
        out.append("    params vgname=").append(vg).append(" vg_access_mode=system_id \\\n");
        out.append("    op monitor interval=30s timeout=90s\n");
        group.add("p_lvm_" + id(vg));
        for (LogicalVolume lv : inv.lvm().logicalVolumes()) {
            String id = "p_fs_" + id(lv.name());
            out.append("primitive ").append(id).append(" ocf:heartbeat:Filesystem \\\n");
            out.append("    params device=").append(lv.devicePath(vg)).append(" directory=").append(lv.mountPoint())
                    .append(" fstype=").append(lv.filesystem());
            if (!lv.mountOptions().isEmpty()) {
                out.append(" options=\"").append(String.join(",", lv.mountOptions())).append('"');
            }
            out.append(" \\\n");
            out.append("    op start timeout=60s interval=0 \\\n");
            out.append("    op stop timeout=60s interval=0 \\\n");
            out.append("    op monitor interval=20s timeout=40s\n");
            group.add(id);
        }
        if (inv.isStorage()) {
            out.append("primitive p_nfsserver systemd:nfs-server \\\n");
            out.append("    op monitor interval=30s\n");
            group.add("p_nfsserver");
            for (NfsExport e : inv.exports()) {
                String id = "p_export_fsid" + e.fsid() + "_" + id(e.clients());
                out.append("primitive ").append(id).append(" ocf:heartbeat:exportfs \\\n");
                out.append("    params clientspec=").append(e.clients()).append(" directory=").append(e.path())
                        .append(" fsid=").append(e.fsid()).append(" options=\"")
                        .append(String.join(",", e.exportfsOptions())).append("\" unlock_on_stop=1 \\\n");
                out.append("    op monitor interval=30s\n");
                group.add(id);
            }
        } else {
            out.append("primitive p_db systemd:").append(inv.database().service()).append(" \\\n");
            out.append("    op start timeout=120s interval=0 \\\n");
            out.append("    op stop timeout=120s interval=0 \\\n");
            out.append("    op monitor interval=30s\n");
            group.add("p_db");
        }
        FloatingIp ip = inv.floatingIp();
        out.append("primitive p_vip ocf:heartbeat:IPaddr2 \\\n");
        out.append("    params ip=").append(ip.address()).append(" cidr_netmask=").append(ip.prefix())
                .append(" nic=").append(ip.iface()).append(" \\\n");
        out.append("    op monitor interval=10s\n");
        group.add("p_vip");
        out.append("group g_").append(id(inv.name())).append(' ').append(String.join(" ", group)).append('\n');
        for (DrbdResource r : inv.drbd()) {
            String clone = "c_drbd_" + id(r.name());
            out.append("order o_").append(id(r.name())).append("_before_").append(id(inv.name()))
                    .append(" Mandatory: ").append(clone).append(":promote g_").append(id(inv.name()))
                    .append(":start\n");
            out.append("colocation col_").append(id(inv.name())).append("_on_").append(id(r.name()))
                    .append(" inf: g_").append(id(inv.name())).append(' ').append(clone).append(":Promoted\n");
        }
        if (inv.cluster().preferredNode() != null) {
            out.append("location l_").append(id(inv.name())).append("_prefers g_").append(id(inv.name()))
                    .append(" 50: ").append(inv.cluster().preferredNode()).append('\n');
        }
        return out.toString();
    }

    /** Pacemaker ids are XML ids: letters, digits, '_', '-', '.'; everything else becomes '_'. */
    static String id(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
