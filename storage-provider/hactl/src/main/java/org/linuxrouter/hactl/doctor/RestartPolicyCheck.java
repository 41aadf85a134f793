package org.linuxrouter.hactl.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code cloudstack-management} restarts after a failure: it exits 219 when it loses the database during a
 * failover, and the packaged unit has no {@code Restart=}. The last {@code Restart=} in unit-then-drop-ins order
 * (drop-ins sorted by name, as systemd reads them) decides.
 */
final class RestartPolicyCheck implements Check {

    private static final String UNIT = "/etc/systemd/system/cloudstack-management.service";
    private static final String DROP_INS = UNIT + ".d";

    @Override
    public String name() {
        return "restart-policy";
    }

    @Override
    public List<Finding> run(DoctorContext ctx) {
        List<String> files = new ArrayList<>();
        files.add(UNIT);
        for (String f : ctx.system().list(DROP_INS)) {
            if (f.endsWith(".conf")) {
                files.add(DROP_INS + "/" + f);
            }
        }
        String restart = null;
        String where = null;
        for (String f : files) {
            for (String line : ctx.system().read(f).orElse("").split("\n")) {
                String l = line.strip();
                if (l.startsWith("Restart=")) {
                    restart = l.substring("Restart=".length()).strip();
                    where = f;
                }
            }
        }
        if (restart == null || !(restart.equals("on-failure") || restart.equals("always"))) {
            return List.of(Finding.of(name(), Severity.WARNING, "cloudstack-management has "
                    + (restart == null ? "no Restart= policy" : "Restart=" + restart + " (" + where + ")")
                    + ": it exits 219 when the database moves and stays down",
                    "hactl render (drop-in " + DROP_INS + "/hactl-restart.conf), then systemctl daemon-reload"));
        }
        return List.of(Finding.ok(name(), "cloudstack-management has Restart=" + restart + " (" + where + ")"));
    }
}
