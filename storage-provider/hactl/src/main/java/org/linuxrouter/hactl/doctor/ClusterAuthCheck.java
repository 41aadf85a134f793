package org.linuxrouter.hactl.doctor;

import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.linuxrouter.hactl.files.Authkeys;
import org.linuxrouter.hactl.files.ConfigFileException;

/**
 * The cluster's messages are authenticated with a key only root can read: Heartbeat's authkeys mode 600 (or it
 * refuses to start) and not md5 or crc; Corosync's authkey not readable by others and crypto enabled.
 */
final class ClusterAuthCheck implements Check {

    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @Override
    public String name() {
        return "cluster-auth";
    }

    @Override
    public List<Finding> run(DoctorContext ctx) {
        return ctx.inventory().usesHeartbeat() ? heartbeat(ctx) : corosync(ctx);
    }

    private List<Finding> heartbeat(DoctorContext ctx) {
        String file = "/etc/ha.d/authkeys";
        String text = ctx.system().read(file).orElse(null);
        if (text == null) {
            return List.of(Finding.of(name(), Severity.FAILED, file + " is missing: heartbeat will not start",
                    "hactl render"));
        }
        List<Finding> out = new ArrayList<>();
        Set<PosixFilePermission> perms = ctx.system().permissions(file).orElse(Set.of());
        if (perms.stream().anyMatch(GROUP_OR_OTHER::contains)) {
            out.add(Finding.of(name(), Severity.FAILED, file + " is readable by others (mode "
                    + java.nio.file.attribute.PosixFilePermissions.toString(perms) + "): heartbeat refuses to start",
                    "chmod 600 " + file));
        }
        try {
            Authkeys.Active active = Authkeys.parse(file, text);
            if (!active.method().equals("sha1")) {
                out.add(Finding.of(name(), Severity.WARNING, file + " uses " + active.method()
                        + (active.method().equals("crc") ? ", no authentication at all" : ", the weakest HMAC")
                        + " heartbeat offers", "set cluster.authMethod: sha1 and render (sha1 is heartbeat's best)"));
            }
        } catch (ConfigFileException e) {
            out.add(Finding.of(name(), Severity.FAILED, e.getMessage(), "hactl render"));
        }
        if (out.isEmpty()) {
            out.add(Finding.ok(name(), file + " is mode 600 and uses sha1"));
        }
        return out;
    }

    private List<Finding> corosync(DoctorContext ctx) {
        List<Finding> out = new ArrayList<>();
        String conf = ctx.system().read("/etc/corosync/corosync.conf").orElse("");
        boolean crypto = conf.lines().map(String::strip).anyMatch(l -> l.matches("crypto_cipher:\\s*(?!none\\b)\\S+"));
        if (!crypto) {
            out.add(Finding.of(name(), Severity.WARNING, "corosync traffic is not encrypted and authenticated "
                    + "(crypto_cipher none or missing)", "hactl render (aes256 + sha256)"));
        }
        String key = "/etc/corosync/authkey";
        if (!ctx.system().exists(key)) {
            out.add(Finding.of(name(), crypto ? Severity.FAILED : Severity.WARNING, key + " is missing",
                    "hactl render"));
        } else if (ctx.system().permissions(key).orElse(Set.of()).stream().anyMatch(GROUP_OR_OTHER::contains)) {
            out.add(Finding.of(name(), Severity.WARNING, key + " is readable by others", "chmod 400 " + key));
        }
        if (out.isEmpty()) {
            out.add(Finding.ok(name(), "corosync is encrypted and its authkey readable by root only"));
        }
        return out;
    }
}
