package org.linuxrouter.ha.status.node;

import java.util.HashMap;
import java.util.Map;
import org.linuxrouter.ha.status.Malformed;
import org.linuxrouter.ha.status.Parsing;
import org.linuxrouter.ha.status.Reading;

/**
 * Reads {@code timedatectl show} (systemd: {@code Key=value} lines, {@code NTPSynchronized=yes|no}) and
 * {@code chronyc -c tracking} (chrony client.c: one CSV line of 14 fields, field 5 the system time offset in
 * seconds, field 14 the leap status).
 */
public final class TimeSyncParser {
    private static final int CHRONY_FIELDS = 14;

    private TimeSyncParser() {
    }

    public static Reading<TimeSync> parseTimedatectl(String text) {
        return Parsing.guard("timedatectl show", text, () -> {
            Map<String, String> kv = new HashMap<>();
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    kv.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
            String synced = kv.get("NTPSynchronized");
            if (synced == null) {
                throw new Malformed("no NTPSynchronized= line");
            }
            if (!synced.equals("yes") && !synced.equals("no")) {
                throw new Malformed("NTPSynchronized=" + synced + " is neither yes nor no");
            }
            return new TimeSync(synced.equals("yes"), Double.NaN, LeapStatus.UNKNOWN, "timedatectl");
        });
    }

    public static Reading<TimeSync> parseChronyTracking(String text) {
        return Parsing.guard("chronyc -c tracking", text, () -> {
            String line = text.strip().split("\n")[0];
            String[] f = line.split(",", -1);
            if (f.length != CHRONY_FIELDS) {
                throw new Malformed("expected " + CHRONY_FIELDS + " comma-separated fields, got " + f.length
                        + " (truncated, or chronyc run without -c?)");
            }
            double offset = Double.parseDouble(f[4]);
            LeapStatus leap = LeapStatus.fromChrony(f[13]);
            // reference ID 0 (or 7F7F0101 = local clock) means no real source is selected
            boolean hasSource = !f[0].matches("0+") && !f[0].equalsIgnoreCase("7F7F0101");
            return new TimeSync(hasSource && leap != LeapStatus.NOT_SYNCHRONISED, offset, leap, "chronyc");
        });
    }
}
