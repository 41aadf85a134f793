package org.linuxrouter.ha.status.drbd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linuxrouter.ha.status.Malformed;
import org.linuxrouter.ha.status.Parsing;
import org.linuxrouter.ha.status.Reading;

/**
 * Reads {@code /proc/drbd} of the DRBD 8.4 module Debian 12's kernel ships (format: kernel
 * drivers/block/drbd/drbd_proc.c). DRBD 9 prints only version lines there: that is reported as unknown, with the
 * reader to use instead.
 */
public final class ProcDrbdParser {
    private static final Pattern VERSION = Pattern.compile("^version: (\\S+)");
    private static final Pattern DEVICE = Pattern.compile("^\\s*(\\d+): cs:(\\S+)(.*)$");
    private static final Pattern DEVICE_STATE = Pattern.compile(
            "^ ro:(\\S+)/(\\S+) ds:(\\S+)/(\\S+) ([ABC ]) ([rs])(.)(.)(.)(.)(.)\\s*$");
    private static final Pattern COUNTERS = Pattern.compile("^\\s+ns:\\d+ .*\\boos:(\\d+)\\s*$");
    private static final Pattern SYNCED = Pattern.compile("^\\s+\\[[=>.]*\\] (?:sync'ed|verified):\\s*([0-9.]+)%.*$");
    private static final Pattern FINISH = Pattern.compile("^\\s+finish: (\\d+):(\\d{2}):(\\d{2}) .*$");

    private ProcDrbdParser() {
    }

    public static Reading<DrbdStatus> parse(String text) {
        return Parsing.guard("/proc/drbd", text, () -> parseOrThrow(text));
    }

    private static DrbdStatus parseOrThrow(String text) {
        String[] lines = text.split("\n", -1);
        Matcher version = VERSION.matcher(lines[0]);
        if (!version.find()) {
            throw new Malformed("first line is not 'version: ...' but '" + abbreviate(lines[0]) + "'");
        }
        String moduleVersion = version.group(1);
        if (moduleVersion.startsWith("9.")) {
            throw new Malformed("DRBD " + moduleVersion + " keeps no resource state in /proc/drbd; "
                    + "read drbdsetup status --json or events2 --now");
        }
        List<DrbdVolume> volumes = new ArrayList<>();
        int i = 1;
        while (i < lines.length) {
            Matcher device = DEVICE.matcher(lines[i]);
            if (!device.matches()) {
                i++;
                continue;
            }
            int minor = Integer.parseInt(device.group(1));
            if (device.group(2).equals("Unconfigured")) {
                i++;
                continue;
            }
            i = readDevice(lines, i, minor, device.group(2), device.group(3), volumes);
        }
        return new DrbdStatus(DrbdStatus.Source.PROC_DRBD, Optional.of(moduleVersion), volumes);
    }

    /** Reads one configured minor (state line, counters, optional sync lines); returns the next line index. */
    private static int readDevice(String[] lines, int at, int minor, String cs, String rest, List<DrbdVolume> out) {
        Matcher state = DEVICE_STATE.matcher(rest);
        if (!state.matches()) {
            throw new Malformed("minor " + minor + ": state line truncated or malformed: '" + abbreviate(lines[at]) + "'");
        }
        DrbdVolume.Builder b = DrbdVolume.newBuilder().minor(minor)
                .role(Vocabulary.role("role", state.group(1)))
                .peerRole(Vocabulary.role("peer role", state.group(2)))
                .disk(Vocabulary.disk("disk state", state.group(3)))
                .peerDisk(Vocabulary.disk("peer disk state", state.group(4)))
                .ioSuspended(state.group(6).equals("s"));
        Vocabulary.applyCs84(cs, b);
        int i = at + 1;
        Matcher counters = i < lines.length ? COUNTERS.matcher(lines[i]) : null;
        if (counters == null || !counters.matches()) {
            throw new Malformed("minor " + minor + ": counters line (ns: ... oos:) missing or truncated");
        }
        b.outOfSyncKib(Long.parseLong(counters.group(1)));
        i++;
        if (i < lines.length) {
            Matcher synced = SYNCED.matcher(lines[i]);
            if (synced.matches()) {
                double pct = Double.parseDouble(synced.group(1));
                Optional<Duration> eta = Optional.empty();
                i++;
                if (i < lines.length) {
                    Matcher finish = FINISH.matcher(lines[i]);
                    if (finish.matches()) {
                        eta = Optional.of(Duration.ofHours(Long.parseLong(finish.group(1)))
                                .plusMinutes(Long.parseLong(finish.group(2)))
                                .plusSeconds(Long.parseLong(finish.group(3))));
                        i++;
                    }
                }
                b.sync(new SyncProgress(pct, eta));
            }
        }
        out.add(b.build());
        return i;
    }

    static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
