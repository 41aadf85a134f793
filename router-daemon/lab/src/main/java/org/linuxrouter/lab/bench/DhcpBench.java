package org.linuxrouter.lab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.linuxrouter.daemon.kernel.KernelState;
import org.linuxrouter.daemon.reconcile.DesiredSnapshot;
import org.linuxrouter.daemon.reconcile.Topology;
import org.linuxrouter.daemon.services.dhcp.DhcpDnsStage;
import org.linuxrouter.daemon.services.dhcp.DnsmasqSupervisor;
import org.linuxrouter.daemon.store.DesiredState;
import org.linuxrouter.daemon.store.NetworkRecord;
import org.linuxrouter.protocol.model.DnsDomain;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.GuestService;
import org.linuxrouter.protocol.model.Hostname;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.testkit.net.Netns;

/**
 * {@code bench/dhcp-bench}: guest DHCP/DNS on the host kernel with the real dnsmasq in a namespace.
 *
 * <ol>
 *   <li>NIC added → lease servable: the stage's apply (what a NIC PUT waits for before it is acknowledged) to the
 *       moment dnsmasq has read the NIC's host file (its log line; from then on a DISCOVER gets the OFFER), for
 *       {@code samples} NICs added one by one to a router holding N networks. Baseline in the same run: the same
 *       for a network added (a restart of dnsmasq, the path a per-network design would take for every change).</li>
 *   <li>RSS of dnsmasq holding N networks × 25 NICs, and of this JVM holding the same desired state (the daemon's
 *       data; the daemon's own RSS at 4,094 networks is in RouterBench).</li>
 * </ol>
 * The guest links need not exist for either: dnsmasq ({@code bind-dynamic}) serves them when they appear.
 */
public final class DhcpBench {
    private static final int NICS = 25;

    private DhcpBench() {
    }

    public static void main(String[] args) throws Exception {
        int networks = args.length > 0 ? Integer.parseInt(args[0]) : 4094;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        String id = Long.toHexString(System.nanoTime() & 0xffffff);
        Path dir = Files.createTempDirectory("lrdd-bench-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> reads = new CopyOnWriteArrayList<>();
        Logger jul = Logger.getLogger(DnsmasqSupervisor.class.getName());
        jul.setUseParentHandlers(false);
        jul.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                String m = record.getMessage();
                if (m.contains(" read ") && m.contains("/hosts.d/")) {
                    reads.add(System.nanoTime() + " " + m.substring(m.lastIndexOf('/') + 1).trim());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        try (Netns router = Netns.create("lrdd-bench-" + id);
             DhcpDnsStage stage = new DhcpDnsStage(new Topology(InterfaceName.of("eth1"), Optional.empty()), dir,
                     List.of("ip", "netns", "exec", router.name()), DhcpDnsStage.DNSMASQ)) {
            // Built in one go: adding 100 k NICs one by one would re-check every claim each time.
            Map<Uuid, NetworkRecord> records = new HashMap<>();
            for (int n = 1; n <= networks; n++) {
                records.put(networkUuid(n), NetworkRecord.of(network(n), 1));
            }
            System.gc();
            long emptyHeap = usedHeap();
            for (int n = 1; n <= networks; n++) {
                Map<Uuid, NicSpec> nics = new HashMap<>();
                for (int i = 1; i <= NICS; i++) {
                    NicSpec nic = nic(n, i);
                    nics.put(nic.uuid(), nic);
                }
                records.put(networkUuid(n), new NetworkRecord(network(n), nics, 1));
            }
            DesiredState state = new DesiredState(1, records);
            long t0 = System.nanoTime();
            apply(stage, state);
            long started = System.nanoTime();
            waitForReads(reads, networks * NICS, 600);
            long loaded = System.nanoTime();
            System.gc();
            long heap = usedHeap() - emptyHeap;
            long dnsmasqRss = rssKib(stage.status().pid().orElseThrow());
            long jvmRss = rssKib(ProcessHandle.current().pid());
            System.out.printf(Locale.ROOT, "networks %d, nics %d%n", networks, networks * NICS);
            System.out.printf(Locale.ROOT, "cold start: files written and dnsmasq started in %.1f s, all %d hosts read"
                    + " %.1f s later%n", (started - t0) / 1e9, networks * NICS, (loaded - started) / 1e9);
            System.out.printf(Locale.ROOT, "dnsmasq RSS %.1f MiB; bench JVM RSS %.1f MiB, of which the NIC state"
                    + " takes %.1f MiB of heap%n", dnsmasqRss / 1024.0, jvmRss / 1024.0, heap / 1048576.0);

            List<Double> nicAdd = new ArrayList<>();
            List<Double> applyTimes = new ArrayList<>();
            List<Double> fromStart = new ArrayList<>();
            long pid = stage.status().pid().orElseThrow();
            for (int s = 1; s <= samples; s++) {
                reads.clear();
                NicSpec extra = nic(1, 100 + s);
                state = state.withNic(networkUuid(1), extra);
                long before = System.nanoTime();
                apply(stage, state);
                long acked = System.nanoTime();
                long read = waitForReads(reads, 1, 10);
                // Negative: dnsmasq read the file before the pass ended, so the offer was there at the ack.
                nicAdd.add(Math.max(0, (read - acked) / 1e6));
                applyTimes.add((acked - before) / 1e6);
                fromStart.add((read - before) / 1e6);
            }
            boolean sameProcess = stage.status().pid().orElseThrow() == pid;
            List<Double> networkAdd = new ArrayList<>();
            for (int s = 1; s <= Math.min(5, samples); s++) {
                reads.clear();
                Uuid net = networkUuid(networks + s);
                state = state.withNetwork(network(networks + s)).withNic(net, nic(networks + s, 1));
                apply(stage, state);
                long acked = System.nanoTime();
                long read = waitForReads(reads, networks * NICS + samples + s, 600);
                networkAdd.add((read - acked) / 1e6);
            }
            double nicP50 = percentile(nicAdd, 50);
            double netP50 = percentile(networkAdd, 50);
            System.out.printf(Locale.ROOT, "stage pass for one NIC (render all, write the new file): p50 %.1f ms, p99"
                    + " %.1f ms%n", percentile(applyTimes, 50), percentile(applyTimes, 99));
            System.out.printf(Locale.ROOT, "NIC added -> lease servable, from the start of the pass: p50 %.1f ms, p99"
                    + " %.1f ms%n", percentile(fromStart, 50), percentile(fromStart, 99));
            System.out.printf(Locale.ROOT, "NIC added -> lease servable after the acknowledgement: p50 %.1f ms, p99"
                    + " %.1f ms (%d samples; 0 = already servable), dnsmasq restarted: %s%n", nicP50,
                    percentile(nicAdd, 99), nicAdd.size(), sameProcess ? "no" : "YES");
            System.out.printf(Locale.ROOT, "baseline, network added (restart, all hosts re-read): p50 %.1f ms;"
                    + " ratio NIC (from the start of the pass)/baseline %.4f%n", netP50,
                    percentile(fromStart, 50) / netP50);
            System.out.printf(Locale.ROOT, "targets: p50 <= 100 ms %s; dnsmasq + daemon RSS <= 256 MiB: dnsmasq %.1f"
                    + " MiB + daemon (see RouterBench plus %.1f MiB of NIC state)%n", nicP50 <= 100 ? "met" : "NOT met",
                    dnsmasqRss / 1024.0, heap / 1048576.0);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void apply(DhcpDnsStage stage, DesiredState state) {
        Map<String, Long> revisions = new HashMap<>();
        for (NetworkRecord r : state.networks().values()) {
            revisions.put(r.uuid().value(), r.revision());
        }
        Map<String, List<String>> failures = stage.apply(new DesiredSnapshot(KernelState.EMPTY, Set.of(), revisions,
                state));
        if (!failures.isEmpty()) {
            throw new IllegalStateException("stage failed: " + failures.values().iterator().next());
        }
    }

    /** Waits until dnsmasq logged {@code count} host-file reads; the time of the last one. */
    private static long waitForReads(List<String> reads, int count, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (reads.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("dnsmasq read " + reads.size() + " of " + count + " host files");
            }
            Thread.sleep(1);
        }
        return Long.parseLong(reads.get(count - 1).split(" ")[0]);
    }

    private static NetworkSpec network(int n) {
        int vlan = (n - 1) % 4094 + 1;
        return NetworkSpec.builder().uuid(networkUuid(n)).segment(Segment.vlan(vlan))
                .trunk(InterfaceName.of(n <= 4094 ? "eth1" : "eth2"))
                .gateway4(GatewayAddress.parse(base(n) + ".1/24")).services(List.of(GuestService.DHCP, GuestService.DNS))
                .dnsServers(List.of(IpAddress.parse("192.0.2.53"))).domain(DnsDomain.parse("cloudnine.internal"))
                .build();
    }

    private static NicSpec nic(int n, int i) {
        return NicSpec.builder().uuid(Uuid.parse(String.format(Locale.ROOT, "00000000-0000-4000-8000-%06x%06x", n, i)))
                .mac(MacAddress.parse(String.format(Locale.ROOT, "02:%02x:%02x:00:00:%02x", n >> 8, n & 255, i)))
                .addAddress(IpAddress.parse(base(n) + "." + (i + 1))).hostname(Hostname.parse("vm-" + n + "-" + i))
                .build();
    }

    private static Uuid networkUuid(int n) {
        return Uuid.parse(String.format(Locale.ROOT, "00000000-0000-4000-8000-%012x", n));
    }

    /** 10.x.y for network n: distinct /24s. */
    private static String base(int n) {
        return "10." + (n >> 8) + "." + (n & 255);
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
