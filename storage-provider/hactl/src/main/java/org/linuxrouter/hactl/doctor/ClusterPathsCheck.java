package org.linuxrouter.hactl.doctor;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linuxrouter.hactl.files.ConfigFileException;
import org.linuxrouter.hactl.files.HaCf;

/**
 * More than one cluster communication path: with one, a NIC or switch fault silences the heartbeat, each node
 * thinks the other dead, and both promote — split brain.
 */
final class ClusterPathsCheck implements Check {

    private static final Pattern RING = Pattern.compile("^\\s*ring(\\d+)_addr\\s*:", Pattern.MULTILINE);

    @Override
    public String name() {
        return "cluster-paths";
    }

    @Override
    public List<Finding> run(DoctorContext ctx) {
        int paths;
        String what;
        if (ctx.inventory().usesHeartbeat()) {
            String file = "/etc/ha.d/ha.cf";
            String text = ctx.system().read(file).orElse(null);
            if (text == null) {
                return List.of(Finding.of(name(), Severity.FAILED, file + " is missing", "hactl render"));
            }
            try {
                List<HaCf.Medium> media = HaCf.parse(file, text).media();
                paths = media.size();
                what = media.stream().map(m -> m.type() + " " + String.join(" ", m.args())).toList().toString();
            } catch (ConfigFileException e) {
                return List.of(Finding.of(name(), Severity.FAILED, e.getMessage(), "hactl render"));
            }
        } else {
            String text = ctx.system().read("/etc/corosync/corosync.conf").orElse("");
            Set<String> rings = new TreeSet<>();
            Matcher m = RING.matcher(text);
            while (m.find()) {
                rings.add("link " + m.group(1));
            }
            paths = rings.size();
            what = rings.toString();
        }
        if (paths < 2) {
            return List.of(Finding.of(name(), Severity.WARNING, paths + " cluster communication path " + what
                    + ": one NIC or switch fault makes both nodes promote (split brain)",
                    "add a second link in cluster.links (e.g. the replication and the management network) and render"));
        }
        return List.of(Finding.ok(name(), paths + " cluster communication paths " + what));
    }
}
