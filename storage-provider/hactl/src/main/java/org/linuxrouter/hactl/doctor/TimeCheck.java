package org.linuxrouter.hactl.doctor;

import java.util.ArrayList;
import java.util.List;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.node.LeapStatus;
import org.linuxrouter.ha.status.node.TimeSync;
import org.linuxrouter.ha.status.node.TimeSyncParser;

/**
 * The clock is synchronised, close to NTP time, and no leap second is pending: the pairs and CloudStack depend on
 * it, and the 2012 leap second left Java and MySQL spinning until the clock was set again.
 */
final class TimeCheck implements Check {

    static final double MAX_OFFSET_SECONDS = 0.5;

    @Override
    public String name() {
        return "time";
    }

    @Override
    public List<Finding> run(DoctorContext ctx) {
        CommandRunner.Result td = ctx.system().run("timedatectl", "show");
        Reading<TimeSync> systemd = td.ok() ? TimeSyncParser.parseTimedatectl(td.stdout())
                : Reading.unknown("timedatectl show: " + td.error());
        CommandRunner.Result ch = ctx.system().run("chronyc", "-c", "tracking");
        Reading<TimeSync> chrony = ch.ok() ? TimeSyncParser.parseChronyTracking(ch.stdout())
                : Reading.unknown("chronyc: " + ch.error());
        TimeSync t;
        if (systemd.known() && chrony.known()) {
            t = chrony.value().combinedWith(systemd.value());
        } else if (chrony.known() || systemd.known()) {
            t = chrony.known() ? chrony.value() : systemd.value();
        } else {
            return List.of(Finding.of(name(), Severity.WARNING, "cannot tell whether the clock is synchronised ("
                    + systemd.problem() + "; " + chrony.problem() + ")", "install chrony (or enable systemd-timesyncd)"));
        }
        List<Finding> out = new ArrayList<>();
        if (!t.synchronised()) {
            out.add(Finding.of(name(), Severity.WARNING, "the clock is not synchronised (" + t + ")",
                    "configure NTP servers in chrony (or systemd-timesyncd) and check they are reachable"));
        }
        if (t.offsetSeconds().isPresent() && t.offsetSeconds().getAsDouble() > MAX_OFFSET_SECONDS) {
            out.add(Finding.of(name(), Severity.WARNING, String.format(java.util.Locale.ROOT,
                    "the clock is %.3f s off NTP time", t.offsetSeconds().getAsDouble()),
                    "chronyc makestep, and find why it drifted"));
        }
        if (t.leap() == LeapStatus.INSERT_SECOND || t.leap() == LeapStatus.DELETE_SECOND) {
            out.add(Finding.of(name(), Severity.WARNING, "a leap second is pending (" + t.leap().chronyName() + ")",
                    "after it, watch java and mysqld CPU; if they spin, set the clock again: date -s \"$(date -u)\""));
        }
        if (out.isEmpty()) {
            out.add(Finding.ok(name(), "the clock is synchronised (" + t + ")"));
        }
        return out;
    }
}
