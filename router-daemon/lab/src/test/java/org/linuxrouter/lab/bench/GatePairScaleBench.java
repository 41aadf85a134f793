package org.linuxrouter.lab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linuxrouter.daemon.store.DesiredState;
import org.linuxrouter.daemon.store.FileStateStore;
import org.linuxrouter.lab.DaemonProcess;
import org.linuxrouter.lab.PairNetns;
import org.linuxrouter.protocol.client.RouterClient;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.PairState;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.net.NetnsGroup;

/**
 * The standby gate at scale with the real daemons ({@code bench/gate-pair-scale [networks] [public] [reps]}): two
 * linuxrouterd processes with their keepalived in gate mode ({@code GatePairNetnsTest}'s wiring, {@link PairNetns}),
 * N unicast VXLAN networks with an IPv4 /24 and an IPv6 /64 gateway each, and P guest NICs with one IPv4 address
 * each, spread over the networks: P host routes and P proxy ARP entries on the uplink, what the plugin's NIC PUTs
 * make of public addresses. Upstream (a bridge behind both uplinks) learns all P from the master's proxy ARP; then
 * the master's daemon and keepalived die by SIGKILL (with {@code machine}, its uplink goes down at once as well: a
 * dead machine, whose kernel no longer proxies nor answers the new master's ARPs; with {@code systemd}, once both
 * are dead, the pair-exit files are applied in its namespace as the packaged unit's ExecStopPost does) and the bench
 * times the backup's MASTER (status polled every
 * 20 ms), reads its own "VRRP takeover: ... ms in all" log line, and times until upstream's {@code ip -j neigh}
 * holds all P at the new master's uplink MAC (each poll 0.1–0.3 s at 10,000 entries: the error it adds). The
 * killed side restarts as backup, the roles alternate. Setup is not timed beyond one figure: both routers' desired
 * state is written as their state file before the first start (the same records the API would persist after
 * N + P PUTs, which would each wait for a reconcile pass), so setup is the cold reconcile. Needs root, iproute2,
 * nftables, keepalived, python3.
 */
public final class GatePairScaleBench {

    private static final Duration START = Duration.ofMinutes(30);
    private static final Duration TAKEOVER_WAIT = Duration.ofSeconds(60);
    private static final String UPSTREAM = "203.0.113.254";
    private static final int FIRST_HOST = 10;
    private static final int LAST_HOST = 250;
    private static final Pattern TAKEOVER = Pattern.compile("VRRP takeover: (.*ms in all.*)");
    /** One datagram per address, hop limit 1: resolving them is the point; the router answers ARP, forwards nothing. */
    private static final String LEARN = String.join("\n",
            "import socket, sys, time",
            "addrs = [l.strip() for l in open(sys.argv[1]) if l.strip()]",
            "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
            "s.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, 1)",
            "for i, a in enumerate(addrs):",
            "    try:",
            "        s.sendto(b'x', (a, 9))",
            "    except OSError:",
            "        pass",
            "    if i % 200 == 199:",
            "        time.sleep(0.02)",
            "");

    private final int networks;
    private final int publicAddresses;
    private final int reps;
    private final boolean fullJit;
    private final Killed killed;
    private final List<String> addresses = new ArrayList<>();

    /** What dies at the kill: the processes only, the machine (uplink down too), or the unit under systemd. */
    enum Killed { PROCESS, MACHINE, SYSTEMD }

    private GatePairScaleBench(int networks, int publicAddresses, int reps, boolean fullJit, Killed killed) {
        this.killed = killed;
        this.networks = networks;
        this.publicAddresses = publicAddresses;
        this.reps = reps;
        this.fullJit = fullJit;
        for (int k = 0; k < publicAddresses; k++) {
            addresses.add(nicAddress(k));
        }
    }

    public static void main(String[] args) throws Exception {
        int n = arg(args, 0, 500, 1, 4094, "networks");
        int p = arg(args, 1, 10_000, 1, 30_000, "public addresses");
        int r = arg(args, 2, 3, 1, 50, "repetitions");
        String jit = args.length > 3 ? args[3] : "full";
        if (!jit.equals("full") && !jit.equals("c1")) {
            throw new IllegalArgumentException("jit: expected full or c1, got " + jit);
        }
        String killed = args.length > 4 ? args[4] : "process";
        if (!List.of("process", "machine", "systemd").contains(killed)) {
            throw new IllegalArgumentException("killed: expected process, machine or systemd, got " + killed);
        }
        if (p > n * (LAST_HOST - FIRST_HOST + 1)) {
            throw new IllegalArgumentException("public addresses: at most " + (LAST_HOST - FIRST_HOST + 1)
                    + " per network, " + n * (LAST_HOST - FIRST_HOST + 1) + " for " + n + " networks; got " + p);
        }
        new GatePairScaleBench(n, p, r, jit.equals("full"), Killed.valueOf(killed.toUpperCase(Locale.ROOT))).run();
    }

    private static int arg(String[] args, int i, int fallback, int min, int max, String what) {
        if (args.length <= i) {
            return fallback;
        }
        if (!args[i].matches("[0-9]{1,6}")) {
            throw new IllegalArgumentException(what + ": expected a number " + min + ".." + max + ", got " + args[i]);
        }
        int v = Integer.parseInt(args[i]);
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + ": expected " + min + ".." + max + ", got " + v);
        }
        return v;
    }

    private void run() throws Exception {
        String tag = Long.toString(ProcessHandle.current().pid() % 100000);
        Path dir = Files.createTempDirectory("lrfs-bench");
        NeighbourLimits limits = NeighbourLimits.raise(4 * publicAddresses + 8192);
        List<DaemonProcess> daemons = new ArrayList<>();
        NetnsGroup made = new NetnsGroup("lrfs-");
        try {
            Netns a = made.create("a" + tag);
            Netns b = made.create("b" + tag);
            Netns hv = made.create("h" + tag);
            Netns up = made.create("u" + tag);
            String mgmt = "100.64." + ((ProcessHandle.current().pid() % 200) + 20) + ".";
            PairNetns.wire(a, b, hv, made.hostLink("lrfs" + tag), mgmt);
            wireUpstream(a, b, up);
            Path list = dir.resolve("public");
            Files.write(list, addresses);
            DesiredState desired = desired();
            DaemonProcess da = daemon(daemons, a, dir.resolve("a"), mgmt + "1", 150, desired);
            DaemonProcess db = daemon(daemons, b, dir.resolve("b"), mgmt + "2", 100, desired);
            System.out.printf(Locale.ROOT, "gate pair scale: %d VXLAN networks (unicast), %d proxied /32s, %d "
                    + "repetitions, daemons with %s, killed: %s; load %s%n", networks, publicAddresses, reps,
                    fullJit ? "the full tiered JIT" : "C1 only", switch (killed) {
                        case MACHINE -> "the machine (uplink down too)";
                        case SYSTEMD -> "the processes, then the unit's ExecStopPost (pair-exit files)";
                        case PROCESS -> "the processes";
                    }, load());
            long setup = System.nanoTime();
            da.start(START);
            RouterClient ca = da.client();
            await(START, () -> PairNetns.role(ca) == PairState.Role.MASTER, "A becomes master");
            require(DaemonProcess.converges(ca, START), "A applied everything");
            db.start(START);
            RouterClient cb = db.client();
            await(START, () -> PairNetns.role(cb) == PairState.Role.BACKUP, "B joins as backup");
            require(DaemonProcess.converges(cb, START), "B applied everything");
            learn(up, list, uplinkMac(a));
            System.out.printf(Locale.ROOT, "gate pair scale: setup (both cold reconciles, upstream learned) %.1f s;"
                    + " load %s%n", (System.nanoTime() - setup) / 1e9, load());
            DaemonProcess master = da;
            DaemonProcess backup = db;
            Netns masterNs = a;
            Netns backupNs = b;
            List<Long> toMaster = new ArrayList<>();
            List<Long> toUpstream = new ArrayList<>();
            for (int rep = 1; rep <= reps; rep++) {
                learn(up, list, uplinkMac(masterNs));
                String loadBefore = load();
                long[] t = takeover(master, masterNs, backup.client(), up, uplinkMac(backupNs));
                String line = lastTakeoverLine(backup.log());
                toMaster.add(t[0]);
                toUpstream.add(t[1]);
                System.out.printf(Locale.ROOT, "gate pair scale: rep %d: MASTER after %d ms, upstream holds all %d at "
                        + "the new MAC after %d ms; new master: %s; load %s -> %s%n", rep, t[0], publicAddresses,
                        t[1], line, loadBefore, load());
                long back = System.nanoTime();
                if (killed == Killed.MACHINE) {
                    masterNs.ip().run("link", "set", "uplink0", "up");
                }
                master.start(START);
                RouterClient returned = master.client();
                await(START, () -> PairNetns.role(returned) == PairState.Role.BACKUP, "the killed side returns as "
                        + "backup");
                require(DaemonProcess.converges(returned, START), "the returned side converges");
                System.out.printf(Locale.ROOT, "gate pair scale: the killed side back as backup and converged in "
                        + "%.1f s%n", (System.nanoTime() - back) / 1e9);
                DaemonProcess d = master;
                master = backup;
                backup = d;
                Netns n = masterNs;
                masterNs = backupNs;
                backupNs = n;
            }
            System.out.printf(Locale.ROOT, "gate pair scale: MASTER %s; upstream at the new MAC %s (target 2 s)%n",
                    summary(toMaster), summary(toUpstream));
        } finally {
            for (DaemonProcess d : daemons) {
                d.close();
            }
            made.close();
            limits.restore();
            deleteTree(dir);
        }
    }

    /** SIGKILL of the master's unit; {MASTER on the backup, upstream all at {@code newMac}} in ms after the kill. */
    private long[] takeover(DaemonProcess master, Netns masterNs, RouterClient backup, Netns up, String newMac)
            throws Exception {
        AtomicLong mastered = new AtomicLong(-1);
        long killedAt = System.nanoTime();
        Thread roles = new Thread(() -> {
            long deadline = killedAt + TAKEOVER_WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (PairNetns.role(backup) == PairState.Role.MASTER) {
                    mastered.set((System.nanoTime() - killedAt) / 1_000_000);
                    return;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "poll-role");
        Thread killer = master.killWithKeepalivedInBackground();
        if (killed == Killed.MACHINE) { // a dead machine's kernel answers nothing: its uplink goes silent with them
            masterNs.ip().run("link", "set", "uplink0", "down");
        }
        Thread stopPost = new Thread(() -> {
            try {
                killer.join();
            } catch (InterruptedException e) {
                return;
            }
            if (killed == Killed.SYSTEMD) { // what linuxrouterd.service's ExecStopPost= runs once the unit is dead
                Path state = master.stateDir();
                masterNs.exec("nft", "-f", state.resolve("pair-exit.nft").toString()).requireSuccess();
                masterNs.exec("sysctl", "-q", "-p", state.resolve("pair-exit.sysctl").toString()).requireSuccess();
            }
        }, "stop-post");
        stopPost.start();
        roles.start();
        long deadline = killedAt + TAKEOVER_WAIT.toNanos();
        long upstream = -1;
        while (System.nanoTime() < deadline) {
            if (heldAt(up, newMac) == publicAddresses) {
                upstream = (System.nanoTime() - killedAt) / 1_000_000;
                break;
            }
        }
        stopPost.join();
        roles.join();
        require(mastered.get() >= 0, "the backup became MASTER within " + TAKEOVER_WAIT);
        require(upstream >= 0, "upstream held all " + publicAddresses + " at " + newMac + " within " + TAKEOVER_WAIT
                + ": " + heldAt(up, newMac));
        return new long[] {mastered.get(), upstream};
    }

    /** Sends to every public address from upstream, in rounds, until all sit at {@code mac} (the master's uplink). */
    private void learn(Netns up, Path list, String mac) throws InterruptedException {
        for (int round = 1; round <= 6; round++) {
            if (heldAt(up, mac) == publicAddresses) {
                return;
            }
            up.exec("python3", "-c", LEARN, list.toString()).requireSuccess();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                if (heldAt(up, mac) == publicAddresses) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("upstream holds " + heldAt(up, mac) + " of " + publicAddresses
                + " public addresses at " + mac);
    }

    /** How many of the public addresses upstream's neighbour table holds at {@code mac}. */
    private int heldAt(Netns up, String mac) {
        Set<String> wanted = new HashSet<>(addresses);
        int held = 0;
        for (JsonNode n : up.ip().json("-4", "neigh", "show", "dev", "br1")) {
            if (mac.equalsIgnoreCase(n.path("lladdr").asText()) && wanted.remove(n.path("dst").asText())) {
                held++;
            }
        }
        return held;
    }

    private static String uplinkMac(Netns r) {
        return r.ip().json("link", "show", "dev", "uplink0").get(0).path("address").asText().toLowerCase();
    }

    private static void wireUpstream(Netns a, Netns b, Netns up) {
        // the guests' addresses are on-link for upstream, answered by the master's proxy ARP
        PairNetns.uplinks(a, b, up, UPSTREAM, "10.0.0.0/8");
        // an unused entry would be collected after gc_stale_time (60 s): keep them an hour, as routers do
        up.exec("sysctl", "-qw", "net.ipv4.neigh.br1.gc_stale_time=3600").requireSuccess();
    }

    private DaemonProcess daemon(List<DaemonProcess> daemons, Netns ns, Path dir, String api, int priority,
            DesiredState desired) throws IOException {
        Files.createDirectories(dir);
        DaemonProcess d = new DaemonProcess(ns, dir, api, List.of("trunk_interface = trunk",
                "uplink_interface = uplink0", "vrrp = on", "vrrp_priority = " + priority,
                "vrrp_advert_interval = 100ms", "vrrp_takeover = gate", "vxlan_underlay = under0",
                "vxlan_mode = unicast", "vxlan_vteps = 198.51.100.3", "metadata = off"));
        daemons.add(d);
        if (fullJit) {
            d.fullJit();
        }
        // DaemonProcess's 1 s resync suits one network; at thousands every second would be a full kernel dump
        Files.writeString(d.config(), Files.readString(d.config()).replace("resync_interval = 1s",
                "resync_interval = 60s"));
        new FileStateStore(dir.resolve("state")).save(desired);
        return d;
    }

    private DesiredState desired() {
        DesiredState state = DesiredState.EMPTY;
        for (int i = 1; i <= networks; i++) {
            state = state.withNetwork(NetworkSpec.builder().uuid(uuid("e1", i)).segment(Segment.vxlan(10_000 + i))
                    .mtu(1450).gateway4(GatewayAddress.parse(net(i) + ".1/24"))
                    .gateway6(GatewayAddress.parse(String.format(Locale.ROOT, "2001:db8:%x::1/64", i))).build());
        }
        for (int k = 0; k < publicAddresses; k++) {
            state = state.withNic(uuid("e1", k % networks + 1), NicSpec.builder().uuid(uuid("e2", k))
                    .mac(MacAddress.parse(String.format(Locale.ROOT, "52:54:00:%02x:%02x:%02x", k >> 16 & 0xff,
                            k >> 8 & 0xff, k & 0xff)))
                    .ipv4(List.of(IpAddress.parse(nicAddress(k)))).build());
        }
        return state;
    }

    /** Public address k: in network k mod N + 1, host 10 + k / N. */
    private String nicAddress(int k) {
        return net(k % networks + 1) + "." + (FIRST_HOST + k / networks);
    }

    private static String net(int i) {
        return "10." + (i / 256) + "." + (i % 256);
    }

    private static Uuid uuid(String kind, int i) {
        return Uuid.parse(String.format(Locale.ROOT, "%s000000-0000-4000-8000-%012d", kind, i));
    }

    private static String lastTakeoverLine(Path log) throws IOException {
        String found = "(no takeover line)";
        for (String l : Files.readAllLines(log)) {
            Matcher m = TAKEOVER.matcher(l);
            if (m.find()) {
                found = m.group(1);
            }
        }
        return found;
    }

    private static String summary(List<Long> ms) {
        List<Long> s = new ArrayList<>(ms);
        s.sort(null);
        return String.format(Locale.ROOT, "p50 %d ms, max %d ms (%s)", s.get((s.size() - 1) / 2), s.get(s.size() - 1),
                ms);
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void await(Duration wait, java.util.function.BooleanSupplier c, String what)
            throws InterruptedException {
        require(PairNetns.eventually(wait, c), what + " within " + wait);
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("expected: " + what);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * The host's neighbour table limits (gc_thresh2/3, global: every namespace's entries count) raised while the
     * bench runs: upstream's P entries and the P a killed, still proxying master learns from the new master's
     * gratuitous ARPs would otherwise push past gc_thresh2, and the kernel would collect upstream's idle entries.
     */
    private record NeighbourLimits(List<Path> files, List<String> saved) {

        static NeighbourLimits raise(int want) throws IOException {
            List<Path> files = new ArrayList<>();
            List<String> saved = new ArrayList<>();
            for (String family : List.of("ipv4", "ipv6")) {
                for (String t : List.of("gc_thresh3", "gc_thresh2")) { // 3 first: 2 may not exceed it
                    Path f = Path.of("/proc/sys/net", family, "neigh/default", t);
                    String old = readSysctl(f);
                    if (Integer.parseInt(old) < want) {
                        files.add(f);
                        saved.add(old);
                        Files.writeString(f, Integer.toString(want));
                    }
                }
            }
            return new NeighbourLimits(files, saved);
        }

        /**
         * One read(2), as linuxrouterd's Sysctl reads: /proc/sys integer files answer EOF at a non-zero offset and
         * Files.readString reads a zero-size file a byte at a time first ("1" for 1024: the limits were restored
         * as 1 and 5 before this).
         */
        static String readSysctl(Path f) throws IOException {
            try (java.io.InputStream in = Files.newInputStream(f)) {
                byte[] buffer = new byte[64];
                int n = in.read(buffer);
                String text = n <= 0 ? "" : new String(buffer, 0, n, java.nio.charset.StandardCharsets.US_ASCII).strip();
                if (!text.matches("[0-9]{1,9}")) {
                    throw new IllegalStateException(f + ": expected an integer, got \"" + text + "\"");
                }
                return text;
            }
        }

        void restore() {
            for (int i = files.size() - 1; i >= 0; i--) {
                try {
                    Files.writeString(files.get(i), saved.get(i));
                } catch (IOException e) {
                    System.err.println("cannot restore " + files.get(i) + ": " + e.getMessage());
                }
            }
        }
    }
}
