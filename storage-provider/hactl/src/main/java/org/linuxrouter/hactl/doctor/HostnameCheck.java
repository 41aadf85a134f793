package org.linuxrouter.hactl.doctor;

import java.util.ArrayList;
import java.util.List;
import org.linuxrouter.hactl.files.ConfigFileException;
import org.linuxrouter.hactl.files.DrbdRes;
import org.linuxrouter.hactl.inventory.DrbdResource;

/** {@code uname -n} must be the inventory's host name and an {@code on} name of every live DRBD resource file. */
final class HostnameCheck implements Check {

    @Override
    public String name() {
        return "hostname";
    }

    @Override
    public List<Finding> run(DoctorContext ctx) {
        List<Finding> out = new ArrayList<>();
        CommandRunner.Result uname = ctx.system().run("uname", "-n");
        String host = uname.stdout().strip();
        String want = ctx.node().hostname();
        if (!uname.ok() || host.isEmpty()) {
            return List.of(Finding.of(name(), Severity.FAILED, "cannot read the host name (uname -n)",
                    "run the doctor on the node itself"));
        }
        if (!host.equals(want)) {
            out.add(Finding.of(name(), Severity.FAILED, "uname -n is '" + host + "' but the inventory calls this node '"
                    + want + "': DRBD and the cluster find their configuration by that name",
                    "hostnamectl set-hostname " + want + " (or fix nodes[].hostname in the inventory)"));
        }
        for (DrbdResource r : ctx.inventory().drbd()) {
            String file = "/etc/drbd.d/" + r.name() + ".res";
            String text = ctx.system().read(file).orElse(null);
            if (text == null) {
                continue; // the files check reports a missing resource file
            }
            try {
                for (DrbdRes.Resource res : DrbdRes.parse(file, text)) {
                    List<String> names = res.hosts().stream().map(DrbdRes.Host::name).toList();
                    if (!names.contains(host)) {
                        out.add(Finding.of(name(), Severity.FAILED, file + ": resource " + res.name()
                                + " has no 'on " + host + "' section (has " + names + ")",
                                "make the 'on' names equal each node's uname -n (hactl render does)"));
                    }
                }
            } catch (ConfigFileException e) {
                out.add(Finding.of(name(), Severity.FAILED, e.getMessage(), "fix the file or run hactl render"));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.ok(name(), "uname -n is " + host + ", the inventory's and DRBD's name for this node"));
        }
        return out;
    }
}
