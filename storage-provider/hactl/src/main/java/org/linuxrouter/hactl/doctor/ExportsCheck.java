package org.linuxrouter.hactl.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.drbd.DrbdRole;
import org.linuxrouter.ha.status.node.ExportfsParser;
import org.linuxrouter.hactl.files.ConfigFileException;
import org.linuxrouter.hactl.files.EtcExports;
import org.linuxrouter.hactl.inventory.NfsExport;

/**
 * Every export has an {@code fsid}, the inventory's (so both nodes, checked against one inventory, agree) and is
 * {@code sync}; in {@code /etc/exports} on both nodes, and in the kernel's export table on the primary.
 */
final class ExportsCheck implements Check {

    private static final String FILE = "/etc/exports";

    @Override
    public String name() {
        return "exports";
    }

    @Override
    public List<Finding> run(DoctorContext ctx) {
        List<Finding> out = new ArrayList<>();
        String text = ctx.system().read(FILE).orElse(null);
        if (text == null) {
            out.add(Finding.of(name(), Severity.WARNING, FILE + " is missing", "hactl render"));
        } else {
            try {
                checkFile(ctx, EtcExports.parse(FILE, text), out);
            } catch (ConfigFileException e) {
                out.add(Finding.of(name(), Severity.WARNING, e.getMessage(), "fix the file or run hactl render"));
            }
        }
        boolean primary = ctx.volumeOf(ctx.chainResource()).map(v -> v.role() == DrbdRole.PRIMARY).orElse(false);
        if (primary) {
            checkLive(ctx, out);
        }
        if (out.isEmpty()) {
            out.add(Finding.ok(name(), "every export has the inventory's fsid and is sync"
                    + (primary ? ", and the kernel exports them all" : "")));
        }
        return out;
    }

    private void checkFile(DoctorContext ctx, List<EtcExports.Entry> entries, List<Finding> out) {
        for (EtcExports.Entry e : entries) {
            String where = FILE + ":" + e.line() + " " + e.path() + " " + e.clients();
            if (e.fsid() == null) {
                out.add(Finding.of(name(), Severity.WARNING, where + " has no fsid: after a failover clients get "
                        + "stale file handles or hang", "add fsid=<n>, the same on both nodes (hactl render)"));
            }
            if (e.async()) {
                out.add(Finding.of(name(), Severity.WARNING, where + " is async: writes acknowledged before they "
                        + "reach DRBD are lost on failover", "export it sync (hactl render does unless asked)"));
            }
        }
        for (NfsExport want : ctx.inventory().exports()) {
            Optional<EtcExports.Entry> have = entries.stream()
                    .filter(e -> e.path().equals(want.path()) && e.clients().equals(want.clients())).findFirst();
            if (have.isEmpty()) {
                out.add(Finding.of(name(), Severity.WARNING, FILE + " does not export " + want.path() + " to "
                        + want.clients(), "hactl render"));
            } else if (have.get().fsid() != null && !have.get().fsid().equals(String.valueOf(want.fsid()))) {
                out.add(Finding.of(name(), Severity.WARNING, FILE + ": " + want.path() + " has fsid="
                        + have.get().fsid() + ", the inventory (and so the other node) " + want.fsid()
                        + ": file handles change on failover", "hactl render on both nodes"));
            }
        }
    }

    private void checkLive(DoctorContext ctx, List<Finding> out) {
        CommandRunner.Result r = ctx.system().run("exportfs", "-v");
        Reading<List<org.linuxrouter.ha.status.node.NfsExport>> live = r.ok() ? ExportfsParser.parse(r.stdout())
                : Reading.unknown("exportfs -v: " + r.error());
        if (!live.known()) {
            out.add(Finding.of(name(), Severity.FAILED, "this node is primary but its exports cannot be read: "
                    + live.problem(), "check that the NFS server runs here"));
            return;
        }
        for (NfsExport want : ctx.inventory().exports()) {
            Optional<org.linuxrouter.ha.status.node.NfsExport> have = live.value().stream()
                    .filter(e -> e.path().equals(want.path()) && e.client().equals(want.clients())).findFirst();
            if (have.isEmpty()) {
                out.add(Finding.of(name(), Severity.FAILED, "this node is primary but does not export " + want.path()
                        + " to " + want.clients(), "check the NFS server and the cluster's resource chain"));
            } else if (!have.get().fsid().equals(Optional.of(String.valueOf(want.fsid())))) {
                out.add(Finding.of(name(), Severity.WARNING, "the kernel exports " + want.path() + " with fsid "
                        + have.get().fsid().orElse("(none)") + ", the inventory says " + want.fsid(),
                        "exportfs -ra after hactl render"));
            } else if (have.get().async()) {
                out.add(Finding.of(name(), Severity.WARNING, "the kernel exports " + want.path() + " async",
                        "exportfs -ra after hactl render"));
            }
        }
    }
}
