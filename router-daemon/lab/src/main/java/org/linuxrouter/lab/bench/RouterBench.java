package org.linuxrouter.lab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.linuxrouter.daemon.api.NetworkService;
import org.linuxrouter.daemon.kernel.NetlinkKernel;
import org.linuxrouter.daemon.reconcile.HostTuning;
import org.linuxrouter.daemon.reconcile.Reconciler;
import org.linuxrouter.daemon.reconcile.Topology;
import org.linuxrouter.daemon.store.DesiredState;
import org.linuxrouter.daemon.store.FileStateStore;
import org.linuxrouter.lab.DaemonProcess;
import org.linuxrouter.lab.LabTopology;
import org.linuxrouter.protocol.client.RouterClient;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.rtnetlink.Rtnl;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.process.Command;

/**
 * The router benchmark, run inside the UML 802.1Q kernel by {@link BenchLauncher}. Every target is a ratio against
 * a baseline measured in the same run on the same kernel:
 * <ol>
 *   <li>cold reconcile of N VLANs with one gateway address each, from a persisted state file, versus
 *       {@code ip -batch} of the same operations and versus one {@code ip} process per operation (measured on a
 *       sample, since thousands of execs take minutes in UML);</li>
 *   <li>PUT-to-acknowledge latency for one network through the real daemon process, p50/p99, with 1 and with N
 *       networks held;</li>
 *   <li>the daemon's resident memory holding N networks.</li>
 * </ol>
 */
public final class RouterBench {

    private static final int SAMPLE_OPS_PER_PROCESS = 300;

    private final int networks;

    private RouterBench(int networks) {
        this.networks = networks;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 4094;
        if (n < 1 || n > 4094) {
            throw new IllegalArgumentException("networks: expected 1..4094, got " + n);
        }
        new RouterBench(n).run();
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "bench: %d VLAN networks, each a link, up, with a gateway address%n", networks);
        double batch = ipBatch();
        double perProcess = ipPerProcess();
        double daemon = coldReconcile();
        report("ip -batch (baseline)", batch, batch);
        report("one ip process per operation (sampled " + SAMPLE_OPS_PER_PROCESS + " ops, scaled)", perProcess, batch);
        report("linuxrouterd cold reconcile from state.json", daemon, batch);
        System.out.printf(Locale.ROOT, "bench: daemon vs ip -batch = %.2fx (target <= 1.5x); one-process-per-op vs"
                + " daemon = %.1fx (target >= 10x)%n", daemon / batch, perProcess / daemon);
        latencyAndMemory();
    }

    /** Equivalent to: {@code ip -n bench -batch FILE} with 3 lines per network. */
    private double ipBatch() {
        try (Netns ns = trunkNamespace("bipb")) {
            List<String> lines = new ArrayList<>();
            for (int vlan = 1; vlan <= networks; vlan++) {
                lines.addAll(operations(vlan));
            }
            long t = System.nanoTime();
            ns.ip().batch(lines);
            return seconds(t);
        }
    }

    private double ipPerProcess() {
        try (Netns ns = trunkNamespace("bipp")) {
            int vlans = SAMPLE_OPS_PER_PROCESS / 3;
            long t = System.nanoTime();
            for (int vlan = 1; vlan <= vlans; vlan++) {
                for (String op : operations(vlan)) {
                    List<String> argv = new ArrayList<>(List.of("ip", "-n", ns.name()));
                    argv.addAll(Arrays.asList(op.split(" ")));
                    Command.run(argv).requireSuccess();
                }
            }
            return seconds(t) * networks / vlans;
        }
    }

    /** The daemon's first pass after a restart, in-process, against the kernel of the namespace. */
    private double coldReconcile() throws Exception {
        Path dir = Files.createTempDirectory("lrbench");
        new FileStateStore(dir).save(desired());
        try (Netns ns = trunkNamespace("bdmn"); Rtnl rtnl = Rtnl.openIn(Path.of("/run/netns", ns.name()))) {
            NetlinkKernel kernel = new NetlinkKernel(rtnl, Optional.empty());
            long t = System.nanoTime();
            NetworkService service = new NetworkService(new FileStateStore(dir),
                    d -> new Reconciler(d, kernel, HostTuning.NONE, Clock.systemUTC(), Duration.ofHours(1)),
                    new Topology(InterfaceName.of("eth1"), Optional.empty()), Duration.ofMinutes(10), "bench");
            service.reconciler().start();
            if (!service.reconciler().await(1, Duration.ofMinutes(10))) {
                throw new IllegalStateException("the first pass did not finish");
            }
            double took = seconds(t);
            long links = ns.ip().json("link", "show", "type", "vlan").size();
            service.reconciler().close();
            if (links != desired().networks().size() || !service.reconciler().lastPass().orElseThrow().clean()) {
                throw new IllegalStateException("expected a VLAN link per network after the pass, found " + links);
            }
            return took;
        }
    }

    /** Through the real daemon process: latency with 1 network, then a restart holding N, latency and RSS. */
    private void latencyAndMemory() throws Exception {
        try (LabTopology lab = LabTopology.build()) {
            try (DaemonProcess daemon = new DaemonProcess(lab.router, Files.createTempDirectory("lrbench1"))) {
                daemon.start(Duration.ofSeconds(120));
                latency(daemon.client(), "1 network held");
            }
            Path dir = Files.createTempDirectory("lrbenchn");
            new FileStateStore(dir.resolve("state")).save(desired());
            try (DaemonProcess daemon = new DaemonProcess(lab.router, dir)) {
                long t = System.nanoTime();
                daemon.start(Duration.ofMinutes(10));
                RouterClient client = daemon.client();
                while (!client.plan().isEmpty()) {
                    Thread.sleep(200);
                }
                System.out.printf(Locale.ROOT, "bench: daemon process start to converged with %d networks: %.1f s%n",
                        networks, seconds(t));
                latency(client, networks + " networks held");
                System.out.printf(Locale.ROOT, "bench: daemon RSS holding %d networks: %d MiB (target <= 128 MiB)%n",
                        client.listNetworks().size(), daemon.residentKiB() / 1024);
            }
        }
    }

    /** 100 PUTs of one network alternating between two gateways, so each is a real change to apply. */
    private static void latency(RouterClient client, String label) throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            NetworkSpec spec = network(999).newBuilder()
                    .gateway4(GatewayAddress.parse(i % 2 == 0 ? "10.250.0.1/24" : "10.250.0.2/24")).build();
            long t = System.nanoTime();
            client.putNetwork(spec);
            micros.add((System.nanoTime() - t) / 1000);
        }
        micros.sort(Long::compare);
        System.out.printf(Locale.ROOT, "bench: PUT-to-acknowledge (%s): p50 %.1f ms, p99 %.1f ms (target p50 <= 50 ms)%n",
                label, micros.get(49) / 1000.0, micros.get(98) / 1000.0);
    }

    /** N networks on VLANs 1..N, leaving out 999, which the latency runs use. */
    private DesiredState desired() {
        DesiredState state = DesiredState.EMPTY;
        for (int vlan = 1; vlan <= networks; vlan++) {
            if (vlan == 999) {
                continue;
            }
            state = state.withNetwork(network(vlan));
        }
        return state;
    }

    private static NetworkSpec network(int vlan) {
        return NetworkSpec.builder().uuid(Uuid.parse(String.format("d0000000-0000-4000-8000-%012d", vlan)))
                .segment(Segment.vlan(vlan)).gateway4(GatewayAddress.parse(gateway(vlan))).build();
    }

    private static String gateway(int vlan) {
        return "10." + (vlan / 256) + "." + (vlan % 256) + ".1/24";
    }

    private static List<String> operations(int vlan) {
        String link = "eth1." + vlan;
        return List.of("link add link eth1 name " + link + " type vlan id " + vlan, "link set " + link + " up",
                "addr add " + gateway(vlan) + " dev " + link);
    }

    private static Netns trunkNamespace(String name) {
        Netns ns = Netns.create(name);
        ns.ip().batch(List.of("link add eth1 type dummy", "link set eth1 up"));
        return ns;
    }

    private static void report(String what, double seconds, double baseline) {
        System.out.printf(Locale.ROOT, "bench: %-70s %8.3f s  (%.2fx ip -batch)%n", what, seconds, seconds / baseline);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
