package org.linuxrouter.hactl.doctor;

import java.util.List;

/**
 * The NFS server is not started at boot: the cluster starts it on the primary. Enabled, a rebooted standby
 * exports its empty mount points under the same fsid.
 */
final class NfsBootCheck implements Check {

    private static final List<String> UNITS = List.of("nfs-server.service", "nfs-kernel-server.service");

    @Override
    public String name() {
        return "nfs-boot";
    }

    @Override
    public List<Finding> run(DoctorContext ctx) {
        for (String dir : ctx.system().list("/etc/systemd/system")) {
            if (!dir.endsWith(".wants")) {
                continue;
            }
            for (String unit : ctx.system().list("/etc/systemd/system/" + dir)) {
                if (UNITS.contains(unit)) {
                    return List.of(Finding.of(name(), Severity.WARNING, unit + " is enabled at boot (" + dir + ")",
                            "systemctl disable nfs-server (the cluster manager starts it)"));
                }
            }
        }
        return List.of(Finding.ok(name(), "the NFS server is not enabled at boot"));
    }
}
