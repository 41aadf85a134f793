package org.linuxrouter.hactl.render;

import java.util.List;
import java.util.stream.Collectors;
import org.linuxrouter.hactl.inventory.DrbdResource;
import org.linuxrouter.hactl.inventory.Inventory;

/**
 * {@code /etc/lvm/lvmlocal.conf} (read by LVM after lvm.conf): an allow-list filter that lets LVM see DRBD devices
 * and the node's own PVs only, never the backing disk under DRBD (LVM would otherwise find the same PV twice and
 * could activate the VG on the standby, writing behind DRBD's back). For Pacemaker's LVM-activate in
 * {@code system_id} mode the node's uname becomes its LVM system ID, so only the active node may activate the VG.
 * After changing it, rebuild the initramfs ({@code update-initramfs -u}): early boot reads the same filter.
 */
public final class LvmFilterRenderer implements FileRenderer {

    @Override
    public List<RenderedFile> render(NodeContext ctx) {
        Inventory inv = ctx.inventory();
        StringBuilder out = new StringBuilder(ctx.header("#"));
        String backing = inv.drbd().stream().map(DrbdResource::disk).collect(Collectors.joining(", "));
        out.append("devices {\n");
        out.append("    # accept DRBD devices and this node's own PVs; reject the rest, above all ").append(backing)
                .append("\n");
        out.append("    global_filter = [ \"a|^/dev/drbd[0-9]+$|\"");
        for (String pv : inv.lvm().localPhysicalVolumes()) {
            out.append(", \"a|^").append(pv).append("$|\"");
        }
        out.append(", \"r|.*|\" ]\n");
        out.append("}\n");
        if (inv.usesPacemaker()) {
            out.append("global {\n");
            out.append("    # LVM-activate vg_access_mode=system_id: the VG belongs to the node that activated it\n");
            out.append("    system_id_source = \"uname\"\n");
            out.append("}\n");
        }
        return List.of(RenderedFile.text("etc/lvm/lvmlocal.conf", out.toString()));
    }
}
