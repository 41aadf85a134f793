package org.linuxrouter.halab;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What happened inside a node during a takeover, on the host's clock: the journal (kernel: DRBD, ext4, nfsd;
 * systemd: the NFS units) and Heartbeat's own log ({@code /var/log/ha-log}: the dead-node verdict and every
 * {@code haresources} step). The guest clock's offset to the host's is measured with {@code date} round trips over
 * the agent channel, so a guest timestamp maps to the host's to within half the fastest round trip.
 */
public final class Timeline {

    /** One line from a guest's log, on the host's clock. */
    public record Event(Instant at, String source, String text) { }

    /**
     * The steps that bound the failover time, each the first event after the power loss that matches its pattern.
     * Order is the expected order of the takeover.
     */
    static final Map<String, Pattern> MILESTONES = milestones();

    private static final Pattern JOURNAL_LINE = Pattern.compile("^(\\d+\\.\\d+) (\\S+) (.*)$");
    private static final Pattern HA_LOG_TIME = Pattern.compile("(\\d{4}/\\d\\d/\\d\\d_\\d\\d:\\d\\d:\\d\\d)");
    private static final DateTimeFormatter HA_LOG_FORMAT = DateTimeFormatter.ofPattern("yyyy/MM/dd_HH:mm:ss");
    /** The daemon's own lines are syslog style, without the year: {@code Nov 25 17:28:43 store2 heartbeat: ...}. */
    private static final Pattern SYSLOG_TIME = Pattern.compile("^([A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d) \\S+ ");
    private static final DateTimeFormatter SYSLOG_FORMAT = DateTimeFormatter.ofPattern("yyyy MMM ppd HH:mm:ss",
            java.util.Locale.ROOT);

    private final List<Event> events;

    private Timeline(List<Event> events) {
        this.events = events;
    }

    /**
     * The events of {@code vm} between {@code from} and {@code to} (host clock). Runs a few commands in the guest;
     * call it when the takeover is over.
     */
    public static Timeline collect(Vm vm, Instant from, Instant to) {
        Duration offset = clockOffset(vm);
        Instant guestFrom = from.plus(offset).minusSeconds(2);
        Instant guestTo = to.plus(offset).plusSeconds(2);
        List<Event> events = new ArrayList<>();
        String journal = vm.exec(Duration.ofMinutes(2), "journalctl", "-o", "short-unix", "--no-pager",
                "-S", "@" + guestFrom.getEpochSecond(), "-U", "@" + (guestTo.getEpochSecond() + 1)).output();
        events.addAll(parseJournal(journal, offset, vm.name()));
        String haLog = vm.exec(Duration.ofMinutes(1), "cat", "/var/log/ha-log").output();
        events.addAll(parseHaLog(haLog, offset, vm.name(), guestFrom.atZone(ZoneOffset.UTC).getYear()));
        events.removeIf(e -> e.at().isBefore(from.minusSeconds(2)) || e.at().isAfter(to.plusSeconds(2)));
        events.sort(Comparator.comparing(Event::at));
        return new Timeline(events);
    }

    /** A timeline of already collected events (sorted here). */
    static Timeline of(List<Event> events) {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(Event::at));
        return new Timeline(sorted);
    }

    /** Guest clock minus host clock, from the fastest of five {@code date +%s.%N} round trips. */
    static Duration clockOffset(Vm vm) {
        Duration best = null;
        Duration bestTrip = null;
        for (int i = 0; i < 5; i++) {
            Instant sent = Instant.now();
            String out = vm.exec(Duration.ofSeconds(30), "date", "+%s.%N").output().strip();
            Instant received = Instant.now();
            Duration trip = Duration.between(sent, received);
            Instant guest = epoch(out);
            Instant hostMiddle = sent.plus(trip.dividedBy(2));
            if (bestTrip == null || trip.compareTo(bestTrip) < 0) {
                bestTrip = trip;
                best = Duration.between(hostMiddle, guest);
            }
        }
        return best;
    }

    static List<Event> parseJournal(String journal, Duration offset, String node) {
        List<Event> events = new ArrayList<>();
        for (String line : journal.lines().toList()) {
            Matcher m = JOURNAL_LINE.matcher(line);
            if (m.matches()) {
                events.add(new Event(epoch(m.group(1)).minus(offset), node + " journal", m.group(3)));
            }
        }
        return events;
    }

    /**
     * Heartbeat's log file, whole seconds on the guest's clock (UTC): the resource scripts' lines
     * ({@code harc(default)[595]: 2026/11/25_17:28:44 info: ...}) and the daemon's syslog-style ones, whose year is
     * {@code year}'s.
     */
    static List<Event> parseHaLog(String haLog, Duration offset, String node, int year) {
        List<Event> events = new ArrayList<>();
        for (String line : haLog.lines().toList()) {
            Matcher m = HA_LOG_TIME.matcher(line);
            Matcher syslog = SYSLOG_TIME.matcher(line);
            Instant guest = null;
            String text = null;
            if (m.find()) {
                guest = LocalDateTime.parse(m.group(1), HA_LOG_FORMAT).toInstant(ZoneOffset.UTC);
                text = (line.substring(0, m.start()) + line.substring(m.end())).strip();
            } else if (syslog.find()) {
                guest = LocalDateTime.parse(year + " " + syslog.group(1), SYSLOG_FORMAT).toInstant(ZoneOffset.UTC);
                text = line.substring(syslog.end()).strip();
            }
            if (guest != null) {
                // whole seconds: the event happened within [t, t+1), so take the middle
                events.add(new Event(guest.plusMillis(500).minus(offset), node + " ha-log", text));
            }
        }
        return events;
    }

    private static Instant epoch(String seconds) {
        BigDecimal value = new BigDecimal(seconds);
        long whole = value.longValue();
        long nanos = value.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The first event after {@code after} per milestone, in milestone order; missing milestones are left out. */
    public Map<String, Event> milestones(Instant after) {
        Map<String, Event> found = new LinkedHashMap<>();
        for (Map.Entry<String, Pattern> milestone : MILESTONES.entrySet()) {
            firstMatch(milestone.getValue(), after).ifPresent(e -> found.put(milestone.getKey(), e));
        }
        return found;
    }

    Optional<Event> firstMatch(Pattern pattern, Instant after) {
        return events.stream().filter(e -> e.at().isAfter(after) && pattern.matcher(e.text()).find()).findFirst();
    }

    /** {@code +12.3 s}: {@code t} relative to {@code zero}. */
    static String offset(Instant zero, Instant t) {
        return String.format("%+6.1f s", Duration.between(zero, t).toMillis() / 1000.0);
    }

    /** Every event, one per line, relative to {@code zero}. */
    public String render(Instant zero) {
        StringBuilder text = new StringBuilder();
        for (Event e : events) {
            text.append(offset(zero, e.at())).append("  ").append(String.format("%-15s", e.source())).append(' ')
                    .append(e.text()).append('\n');
        }
        return text.toString();
    }

    private static Map<String, Pattern> milestones() {
        Map<String, Pattern> m = new LinkedHashMap<>();
        m.put("heartbeat: late heartbeat (warntime)", Pattern.compile("Late heartbeat", Pattern.CASE_INSENSITIVE));
        m.put("heartbeat: peer declared dead (deadtime)", Pattern.compile("node \\S+: is dead"));
        m.put("haresources: chain acquisition begins", Pattern.compile("Acquiring resource group"));
        m.put("DRBD: peer lost", Pattern.compile("conn\\( Connected -> \\w+ \\)|PingAck did not arrive|sock was shut"));
        m.put("haresources: drbddisk start", Pattern.compile("Running \\S*drbddisk\\S* .*start"));
        m.put("DRBD: promoted", Pattern.compile("role\\( Secondary -> Primary \\)"));
        m.put("haresources: LVM start", Pattern.compile("Running \\S*LVM\\S* .*start"));
        m.put("haresources: Filesystem start", Pattern.compile("Running \\S*Filesystem\\S* .*start"));
        m.put("ext4: mounted", Pattern.compile("EXT4-fs \\(dm-\\d+\\): mounted"));
        m.put("haresources: nfs-kernel-server start", Pattern.compile("Running \\S*nfs-kernel-server\\S* .*start"));
        m.put("nfsd: started", Pattern.compile("NFSD: starting|Finished nfs-server|Started nfs-server"));
        m.put("haresources: IPaddr start", Pattern.compile("Running \\S*IPaddr\\S* .*start"));
        m.put("IPaddr: address added", Pattern.compile("eval ifconfig|Adding inet address"));
        m.put("heartbeat: takeover complete", Pattern.compile("takeover complete|Resource acquisition completed"));
        return java.util.Collections.unmodifiableMap(m);
    }
}
