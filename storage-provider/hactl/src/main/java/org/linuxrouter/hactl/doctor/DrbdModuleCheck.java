package org.linuxrouter.hactl.doctor;

import java.util.List;

/** The drbd kernel module is loaded ({@code /proc/modules}), with the version the inventory's dialect is for. */
final class DrbdModuleCheck implements Check {

    @Override
    public String name() {
        return "drbd-module";
    }

    @Override
    public List<Finding> run(DoctorContext ctx) {
        boolean loaded = ctx.system().read("/proc/modules").orElse("").lines().anyMatch(l -> l.startsWith("drbd "));
        if (!loaded) {
            return List.of(Finding.of(name(), Severity.FAILED, "the drbd module is not loaded",
                    "modprobe drbd (and check that /etc/modules-load.d or drbd.service loads it at boot)"));
        }
        String version = ctx.system().read("/proc/drbd").orElse("").lines().findFirst().orElse("");
        boolean nine = version.startsWith("version: 9");
        if (version.startsWith("version: ") && nine != ctx.inventory().isDrbd9()) {
            return List.of(Finding.of(name(), Severity.WARNING, "the module is " + version.substring(9).split(" ")[0]
                    + " but the inventory's drbdVersion is " + ctx.inventory().drbdVersion(),
                    "set drbdVersion to \"" + (nine ? "9" : "8.4") + "\" and render again"));
        }
        return List.of(Finding.ok(name(), "drbd module loaded" + (version.isEmpty() ? "" : " (" + version + ")")));
    }
}
