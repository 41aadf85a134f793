package org.linuxrouter.lab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.linuxrouter.daemon.kernel.Sysctl;
import org.linuxrouter.daemon.kernel.SysctlTuning;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.rtnetlink.NeighbourAnnouncer;

/**
 * The daemon's share of a "gate" takeover in {@code bench/vrrp-takeover}: one JVM per router, started in the router's
 * namespace at setup (so no JVM start or class loading is timed), driven by the bench's reader of keepalived's
 * notify FIFO. On {@code master} it does what linuxrouterd does after opening the gate, with the project's own
 * classes: the uplink role flip ({@link SysctlTuning#applyRole()}), then every gateway announced on its guest link
 * and every proxied public address on the uplink ({@link NeighbourAnnouncer}, as {@code UplinkAnnouncer} does). On
 * {@code backup} it turns the uplink role off. Like the daemon ({@code VrrpService.REASSERT_AFTER}) a master
 * announces everything again 0.5 s and 2 s later. Each command is answered by one line on stdout with wall-clock
 * nanoseconds, which the bench compares with the moment it sent SIGKILL:
 * <pre>
 *   ready LINKS GATEWAYS PUBLIC
 *   announced GATEWAYS_DONE_NS PUBLIC_IPV4_DONE_NS PUBLIC_DONE_NS GATEWAY_PACKETS PUBLIC_PACKETS
 *   reannounced (the same)
 *   closed NS
 * </pre>
 * The gateways go through one {@link NeighbourAnnouncer.Session} as {@code GatewayAnnouncer} sends them; with
 * {@code -Dannounce=per-call} through one {@code announce} call per link, as it did before the session existed.
 * Arguments: {@code GATEWAYS UPLINK PUBLIC}, each {@code -} for none. GATEWAYS holds lines {@code ADDR/LEN dev LINK}
 * (the bench's own gateway list), PUBLIC one address a line. Interface indexes and MACs are read once from
 * {@code /sys/class/net} at start (the daemon knows them from its reconcile pass; {@code NetworkInterface.getByName}
 * enumerates every interface on each call, quadratic at 4,094 links). Needs CAP_NET_RAW and a writable /proc/sys.
 */
public final class TakeoverStandIn {

    /** A link to announce on: its index and MAC, and the addresses that live behind it. */
    /** As the daemon's VrrpService.REASSERT_AFTER (package-private there). */
    static final List<Duration> REASSERT_AFTER = List.of(Duration.ofMillis(500), Duration.ofSeconds(2));

    record Link(String name, int index, byte[] mac, List<InetAddress> addresses) {
    }

    private final List<Link> guests;
    private final Optional<Link> uplink;
    private final SysctlTuning tuning;
    private final NeighbourAnnouncer announcer = NeighbourAnnouncer.system();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "reannounce");
        t.setDaemon(true);
        return t;
    });
    /** {@code -Dannounce=per-call}: one {@code announce} call (two sockets opened and closed) per guest link. */
    private final boolean perCall = "per-call".equals(System.getProperty("announce"));
    private volatile boolean master;
    /** Which mastership a scheduled re-announcement belongs to: one from before a BACKUP is dropped. */
    private final AtomicInteger term = new AtomicInteger();

    private TakeoverStandIn(List<Link> guests, Optional<Link> uplink) {
        this.guests = guests;
        this.uplink = uplink;
        this.tuning = new SysctlTuning(Sysctl.system(), uplink.map(Link::name), Clock.systemUTC(),
                Optional.of(() -> master));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: TakeoverStandIn GATEWAYS|- UPLINK|- PUBLIC|-");
        }
        Path sys = Path.of("/sys/class/net");
        List<Link> guests = new ArrayList<>();
        if (!args[0].equals("-")) {
            for (Map.Entry<String, List<InetAddress>> e : parseGateways(readLines(args[0])).entrySet()) {
                guests.add(resolve(sys, e.getKey(), e.getValue()));
            }
        }
        if (args[1].equals("-") != args[2].equals("-")) {
            throw new IllegalArgumentException("UPLINK and PUBLIC: both or neither");
        }
        Optional<Link> uplink = args[1].equals("-") ? Optional.empty()
                : Optional.of(resolve(sys, args[1], parsePublic(readLines(args[2]))));
        new TakeoverStandIn(guests, uplink).serve();
    }

    private void serve() throws IOException {
        report(tuning.applyRole()); // start-up is not master: the uplink stays silent until keepalived says so
        int gateways = guests.stream().mapToInt(l -> l.addresses().size()).sum();
        out(String.format(Locale.ROOT, "ready %d %d %d", guests.size(), gateways,
                uplink.map(u -> u.addresses().size()).orElse(0)));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            switch (line.strip()) {
                case "master" -> takeOver();
                case "backup" -> {
                    master = false;
                    term.incrementAndGet();
                    report(tuning.applyRole());
                    out("closed " + nanos());
                }
                case "" -> { }
                default -> System.err.println("stand-in: unknown command " + line.strip());
            }
        }
    }

    private void takeOver() {
        master = true;
        int mine = term.incrementAndGet();
        report(tuning.applyRole());
        announce("announced");
        for (Duration d : REASSERT_AFTER) {
            later.schedule(() -> {
                if (master && term.get() == mine) {
                    announce("reannounced");
                }
            }, d.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void announce(String event) {
        int gatewayPackets = 0;
        if (perCall) {
            for (Link l : guests) {
                gatewayPackets += announcer.announce(l.index(), l.mac(), l.addresses());
            }
        } else {
            try (NeighbourAnnouncer.Session session = announcer.session()) { // as GatewayAnnouncer
                for (Link l : guests) {
                    gatewayPackets += session.announce(l.index(), l.mac(), l.addresses());
                }
            }
        }
        long gatewaysDone = nanos();
        // IPv4 then IPv6 in two calls (as one call sends them), to see which family the time goes to
        int publicPackets = 0;
        long public4Done = gatewaysDone;
        if (uplink.isPresent()) {
            Link u = uplink.get();
            List<InetAddress> v4 = u.addresses().stream().filter(a -> a instanceof Inet4Address).toList();
            List<InetAddress> v6 = u.addresses().stream().filter(a -> !(a instanceof Inet4Address)).toList();
            publicPackets += v4.isEmpty() ? 0 : announcer.announce(u.index(), u.mac(), v4); // as UplinkAnnouncer
            public4Done = nanos();
            publicPackets += v6.isEmpty() ? 0 : announcer.announce(u.index(), u.mac(), v6);
        }
        out(String.format(Locale.ROOT, "%s %d %d %d %d %d", event, gatewaysDone, public4Done, nanos(), gatewayPackets,
                publicPackets));
    }

    /** Gateway lines {@code ADDR/LEN dev LINK}, grouped by link in file order; anything else is refused. */
    static Map<String, List<InetAddress>> parseGateways(List<String> lines) {
        Map<String, List<InetAddress>> byLink = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 1 && f[0].isEmpty()) {
                continue;
            }
            if (f.length != 3 || !f[1].equals("dev")) {
                throw new IllegalArgumentException("gateway line: expected ADDR/LEN dev LINK, got " + line);
            }
            InetAddress address = GatewayAddress.parse("gateway", f[0]).address().toInetAddress();
            byLink.computeIfAbsent(InterfaceName.of("link", f[2]).value(), k -> new ArrayList<>()).add(address);
        }
        return byLink;
    }

    /** One routable unicast address a line (blank lines skipped). */
    static List<InetAddress> parsePublic(List<String> lines) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            IpAddress a = IpAddress.parse("public address", line.strip());
            if (!a.isRoutableUnicast()) {
                throw new IllegalArgumentException("public address: expected routable unicast, got " + a);
            }
            addresses.add(a.toInetAddress());
        }
        return addresses;
    }

    /** The link's index and MAC as sysfs under {@code sysClassNet} shows them. */
    static Link resolve(Path sysClassNet, String name, List<InetAddress> addresses) throws IOException {
        Path dir = sysClassNet.resolve(InterfaceName.of("link", name).value());
        int index = Integer.parseInt(Files.readString(dir.resolve("ifindex")).strip());
        if (index <= 0) {
            throw new IllegalArgumentException(name + ": ifindex " + index);
        }
        String mac = MacAddress.parse("address of " + name, Files.readString(dir.resolve("address")).strip()).value();
        byte[] bytes = new byte[6];
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) Integer.parseInt(mac.substring(3 * i, 3 * i + 2), 16);
        }
        return new Link(name, index, bytes, List.copyOf(addresses));
    }

    private static List<String> readLines(String file) throws IOException {
        return Files.readAllLines(Path.of(file), StandardCharsets.US_ASCII);
    }

    private static long nanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static void report(List<String> problems) {
        problems.forEach(p -> System.err.println("stand-in: uplink role: " + p));
    }

    private static synchronized void out(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
