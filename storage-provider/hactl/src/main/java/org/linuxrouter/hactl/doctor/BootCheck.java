package org.linuxrouter.hactl.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * Nothing the cluster manager owns starts by itself at boot. An enabled NFS server makes a rebooted standby export
 * its empty mount points under the same fsid; an enabled MariaDB starts on the standby's unmounted datadir (and
 * cloudstack-management's Wants= pulls it in); under Pacemaker an enabled drbd.service fights the drbd agent.
 */
final class BootCheck implements Check {

    private static final String UNITS = "/etc/systemd/system";

    @Override
    public String name() {
        return "boot";
    }

    @Override
    public List<Finding> run(DoctorContext ctx) {
        List<String> mustNotStart = new ArrayList<>();
        if (ctx.inventory().isStorage()) {
            mustNotStart.add("nfs-server.service");
            mustNotStart.add("nfs-kernel-server.service");
        } else {
            String db = ctx.inventory().database().service() + ".service";
            mustNotStart.add(db);
            if (db.equals("mariadb.service")) {
                mustNotStart.add("mysql.service");
                mustNotStart.add("mysqld.service");
            }
        }
        if (ctx.inventory().usesPacemaker()) {
            mustNotStart.add("drbd.service");
        }
        List<Finding> out = new ArrayList<>();
        for (String dir : ctx.system().list(UNITS)) {
            if (!dir.endsWith(".wants")) {
                continue;
            }
            for (String unit : ctx.system().list(UNITS + "/" + dir)) {
                if (mustNotStart.contains(unit)) {
                    String base = unit.substring(0, unit.length() - ".service".length());
                    out.add(Finding.of(name(), Severity.WARNING, unit + " is enabled at boot (" + dir + ")",
                            "systemctl disable " + base + " (the cluster manager starts it)"));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.ok(name(), "none of " + mustNotStart + " is enabled at boot"));
        }
        return out;
    }
}
