package org.linuxrouter.lab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.linuxrouter.daemon.api.NetworkService;
import org.linuxrouter.daemon.config.VxlanSettings;
import org.linuxrouter.daemon.kernel.NetlinkKernel;
import org.linuxrouter.daemon.kernel.Ownership;
import org.linuxrouter.daemon.reconcile.GuestLink;
import org.linuxrouter.daemon.reconcile.HostTuning;
import org.linuxrouter.daemon.reconcile.Reconciler;
import org.linuxrouter.daemon.reconcile.Topology;
import org.linuxrouter.daemon.store.DesiredState;
import org.linuxrouter.daemon.store.FileStateStore;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.protocol.model.VxlanMode;
import org.linuxrouter.rtnetlink.Rtnl;
import org.linuxrouter.testkit.net.Netns;

/**
 * The VXLAN benchmark, on the host kernel (it has vxlan; no UML needed): cold reconcile of N multicast VXLAN
 * networks with a gateway address each, from a persisted state file, versus {@code ip -batch} of the same kernel
 * objects, in one run. Per network both build what modifyvxlan.sh builds on a hypervisor plus the gateway: the
 * device {@code vxlanVNI} (group, ttl 10, dev under0), its ownership alias, up, the gateway address, and the /32
 * route for the group on the underlay. Needs root.
 */
public final class VxlanBench {

    private static final String UNDERLAY = "under0";

    private final int networks;

    private VxlanBench(int networks) {
        this.networks = networks;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        if (n < 1 || n > 60_000) {
            throw new IllegalArgumentException("networks: expected 1..60000, got " + n);
        }
        new VxlanBench(n).run();
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "vxlan bench: %d multicast VXLAN networks, each a device, up, with a gateway"
                + " address and the group's route%n", networks);
        // both namespaces first: the kernel tears down a namespace of thousands of devices for minutes, and a
        // namespace cannot be created meanwhile
        double batch;
        double daemon;
        try (Netns ipNs = underlayNamespace("bvxip"); Netns daemonNs = underlayNamespace("bvxd")) {
            batch = ipBatch(ipNs);
            daemon = coldReconcile(daemonNs);
        }
        System.out.printf(Locale.ROOT, "vxlan bench: %-45s %8.3f s%n", "ip -batch (baseline)", batch);
        System.out.printf(Locale.ROOT, "vxlan bench: %-45s %8.3f s%n", "linuxrouterd cold reconcile from state.json",
                daemon);
        System.out.printf(Locale.ROOT, "vxlan bench: daemon vs ip -batch = %.2fx (target <= 1.5x)%n", daemon / batch);
    }

    /** Equivalent to: {@code ip -n NS -batch FILE} with 5 lines per network. */
    private double ipBatch(Netns ns) {
        {
            List<String> lines = new ArrayList<>();
            for (int vni = 1; vni <= networks; vni++) {
                String dev = "vxlan" + vni;
                String group = GuestLink.multicastGroup(vni).getHostAddress();
                lines.add("link add " + dev + " type vxlan id " + vni + " group " + group + " ttl 10 dev " + UNDERLAY);
                lines.add("link set " + dev + " alias " + Ownership.alias(uuid(vni).value()));
                lines.add("link set " + dev + " up");
                lines.add("addr add " + gateway(vni) + " dev " + dev);
                lines.add("route add " + group + "/32 dev " + UNDERLAY + " proto 210 scope link");
            }
            long t = System.nanoTime();
            ns.ip().batch(lines);
            return seconds(t);
        }
    }

    /** The daemon's first pass after a restart, in-process, against the kernel of a fresh namespace. */
    private double coldReconcile(Netns ns) throws Exception {
        Path dir = Files.createTempDirectory("lrvxbench");
        new FileStateStore(dir).save(desired());
        Topology topology = new Topology(InterfaceName.of("eth1"), Optional.empty(), new VxlanSettings(
                Optional.of(InterfaceName.of(UNDERLAY)), VxlanMode.MULTICAST, Optional.empty(), List.of()));
        try (Rtnl rtnl = Rtnl.openIn(Path.of("/run/netns", ns.name()))) {
            NetlinkKernel kernel = new NetlinkKernel(rtnl, Optional.empty());
            long t = System.nanoTime();
            NetworkService service = new NetworkService(new FileStateStore(dir),
                    d -> new Reconciler(d, kernel, HostTuning.NONE, Clock.systemUTC(), Duration.ofHours(1)),
                    topology, name -> java.util.OptionalInt.of(1500), Duration.ofMinutes(10), "bench");
            service.reconciler().start();
            if (!service.reconciler().await(1, Duration.ofMinutes(10))) {
                throw new IllegalStateException("the first pass did not finish");
            }
            double took = seconds(t);
            long links = ns.ip().json("link", "show", "type", "vxlan").size();
            boolean clean = service.reconciler().lastPass().orElseThrow().clean();
            service.reconciler().close();
            if (links != networks || !clean) {
                throw new IllegalStateException("expected a clean pass and " + networks + " VXLAN devices, found "
                        + links + " (clean: " + clean + ")");
            }
            return took;
        }
    }

    private DesiredState desired() {
        DesiredState state = DesiredState.EMPTY;
        for (int vni = 1; vni <= networks; vni++) {
            state = state.withNetwork(NetworkSpec.builder().uuid(uuid(vni)).segment(Segment.vxlan(vni))
                    .gateway4(GatewayAddress.parse(gateway(vni))).build());
        }
        return state;
    }

    private static Uuid uuid(int vni) {
        return Uuid.parse(String.format("e0000000-0000-4000-8000-%012d", vni));
    }

    private static String gateway(int vni) {
        return "10." + (vni / 256) + "." + (vni % 256) + ".1/24";
    }

    /**
     * A namespace with the underlay: one end of a veth pair, up, with an address (multicast joins need one), and
     * room for one IGMP membership per device (igmp_max_memberships, optmem_max: the daemon raises both itself,
     * SysctlTuning; the bench runs the reconciler without host tuning, so both runs get them here).
     */
    private Netns underlayNamespace(String name) {
        Netns ns = Netns.create(name);
        ns.exec("sysctl", "-q", "-w", "net.ipv4.igmp_max_memberships=" + (networks + 20),
                "net.core.optmem_max=" + (128 * 1024 + networks * 64)).requireSuccess();
        ns.ip().batch(List.of("link add " + UNDERLAY + " type veth peer name " + UNDERLAY + "p",
                "link set " + UNDERLAY + " up", "link set " + UNDERLAY + "p up",
                "addr add 192.0.2.1/24 dev " + UNDERLAY));
        return ns;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
