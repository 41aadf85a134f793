package org.linuxrouter.testkit.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linuxrouter.testkit.process.Command;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * A router, its guest networks and VMs in network namespaces on the host kernel. The "hypervisor" namespace holds
 * one bridge per network, and each VM is a namespace with {@code eth0} plugged into a bridge, its own MAC and
 * address, and a default route via the gateway. A network reaches the router either
 * <ul>
 * <li>over a veth ({@link #addNetwork}): the router holds {@code gN} with the gateway address, standing in for a
 * VLAN subinterface; or</li>
 * <li>over VXLAN ({@link #addVxlanNetwork}), as CloudStack's KVM hosts do: the hypervisor's {@code vxlanVNI} on
 * the underlay ({@code under0}, {@value #HYPERVISOR_VTEP} here, {@value #ROUTER_VTEP} on the router), flooding
 * to the router's VTEP on UDP 4789; the router's side is the daemon's to create (unicast mode, VTEP
 * {@value #HYPERVISOR_VTEP}).</li>
 * </ul>
 * An "upstream" namespace behind the router's {@code wan0} shows what the router forwards. Every namespace is
 * named {@code <prefix>-...} and deleted on {@link #close()}.
 */
public final class GuestLan implements AutoCloseable {

    /** Where an upstream host sits, outside every guest network. */
    public static final String UPSTREAM = "192.0.2.2";
    /** The router's address on the VXLAN underlay. */
    public static final String ROUTER_VTEP = "198.51.100.1";
    /** The hypervisor's address on the VXLAN underlay. */
    public static final String HYPERVISOR_VTEP = "198.51.100.2";
    /** VM links on a VXLAN bridge leave room for the 50-byte encapsulation on a 1500-byte underlay. */
    static final int VXLAN_MTU = 1450;

    private final NetnsGroup namespaces;
    private final Netns router;
    private final Netns hypervisor;
    private final Netns upstream;
    private final Map<String, Netns> vms = new LinkedHashMap<>();
    private final List<Path> resolvConfDirs = new ArrayList<>();
    private final List<Integer> vxlanNetworks = new ArrayList<>();
    private int networks;

    private GuestLan(NetnsGroup namespaces, Netns router, Netns hypervisor, Netns upstream) {
        this.namespaces = namespaces;
        this.router = router;
        this.hypervisor = hypervisor;
        this.upstream = upstream;
    }

    /** Creates router, hypervisor and upstream; {@code prefix} must be unique to the caller (names of netns). */
    public static GuestLan create(String prefix) {
        return NetnsGroup.build(prefix + "-", namespaces -> {
            Netns router = namespaces.create("r");
            Netns hypervisor = namespaces.create("h");
            Netns upstream = namespaces.create("u");
            router.vethTo(upstream, "wan0", "eth0");
            router.ip().run("addr", "add", "192.0.2.1/24", "dev", "wan0");
            router.ip().run("link", "set", "wan0", "up");
            upstream.ip().run("addr", "add", UPSTREAM + "/24", "dev", "eth0");
            upstream.ip().run("link", "set", "eth0", "up");
            upstream.ip().run("route", "add", "default", "via", "192.0.2.1");
            router.exec("sysctl", "-q", "-w", "net.ipv4.ip_forward=1").requireSuccess();
            router.vethTo(hypervisor, "under0", "under0");
            router.ip().run("addr", "add", ROUTER_VTEP + "/24", "dev", "under0");
            router.ip().run("link", "set", "under0", "up");
            hypervisor.ip().run("addr", "add", HYPERVISOR_VTEP + "/24", "dev", "under0");
            hypervisor.ip().run("link", "set", "under0", "up");
            return new GuestLan(namespaces, router, hypervisor, upstream);
        });
    }

    public Netns router() {
        return router;
    }

    public Netns upstream() {
        return upstream;
    }

    public Netns vm(String name) {
        return vms.get(name);
    }

    /** Adds a guest network: router interface {@code gN} with {@code gatewayCidr}, bridge {@code brN}. Returns gN. */
    public String addNetwork(String gatewayCidr) {
        int n = networks++;
        String guest = "g" + n;
        router.vethTo(hypervisor, guest, "up" + n);
        router.ip().run("addr", "add", gatewayCidr, "dev", guest);
        router.ip().run("link", "set", guest, "up");
        hypervisor.ip().run("link", "add", "br" + n, "type", "bridge");
        hypervisor.ip().run("link", "set", "up" + n, "master", "br" + n, "up");
        hypervisor.ip().run("link", "set", "br" + n, "up");
        return guest;
    }

    /**
     * Adds a VXLAN network on the hypervisor's side: {@code vxlanVNI} on the underlay, flooding to the router's VTEP,
     * in bridge {@code brN}. Returns N, the network's index for {@link #addVm}.
     */
    public int addVxlanNetwork(int vni) {
        int n = networks++;
        String vxlan = "vxlan" + vni;
        hypervisor.ip().run("link", "add", vxlan, "type", "vxlan", "id", Integer.toString(vni), "local",
                HYPERVISOR_VTEP, "dev", "under0", "dstport", "4789");
        hypervisor.exec("bridge", "fdb", "append", "00:00:00:00:00:00", "dev", vxlan, "dst", ROUTER_VTEP)
                .requireSuccess();
        hypervisor.ip().run("link", "add", "br" + n, "type", "bridge");
        hypervisor.ip().run("link", "set", vxlan, "master", "br" + n, "up");
        hypervisor.ip().run("link", "set", "br" + n, "up");
        vxlanNetworks.add(n);
        return n;
    }

    /**
     * Adds a VM on network {@code network} (0-based, in creation order): its namespace, eth0 with {@code mac} and
     * {@code cidr}, default route via {@code gateway}. Its resolver points at its own loopback, where nothing
     * answers, so a name lookup fails at once instead of waiting for the host's servers.
     */
    public Netns addVm(String name, int network, String mac, String cidr, String gateway) {
        Netns vm = namespaces.create(name);
        vms.put(name, vm);
        String port = "p" + name;
        hypervisor.vethTo(vm, port, "eth0");
        hypervisor.ip().run("link", "set", port, "master", "br" + network, "up");
        vm.ip().run("link", "set", "eth0", "address", mac);
        if (vxlanNetworks.contains(network)) {
            vm.ip().run("link", "set", "eth0", "mtu", Integer.toString(VXLAN_MTU));
        }
        vm.ip().run("addr", "add", cidr, "dev", "eth0");
        vm.ip().run("link", "set", "eth0", "up");
        vm.ip().run("route", "add", "default", "via", gateway);
        Path etc = Path.of("/etc/netns", vm.name());
        try {
            Files.createDirectories(etc);
            resolvConfDirs.add(etc);
            Files.writeString(etc.resolve("resolv.conf"), "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return vm;
    }

    /** {@code ip netns exec <vm> argv...}. */
    public CommandResult inVm(String vm, String... argv) {
        return vms.get(vm).exec(argv);
    }

    /** Runs {@code argv} in the VM with a time limit. */
    public CommandResult inVm(String vm, java.time.Duration timeout, String... argv) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", vms.get(vm).name()));
        full.addAll(List.of(argv));
        return Command.run(full, null, timeout);
    }

    /**
     * An HTTP request with curl from the VM (5 s limit; {@code curlArgs} are curl's, ending with the URL), as
     * [status, body]. Throws when curl gets no answer at all.
     */
    public List<String> http(String vm, String... curlArgs) {
        List<String> argv = new ArrayList<>(List.of("curl", "-sS", "--max-time", "5", "-o", "-", "-w",
                "\n%{http_code}"));
        argv.addAll(List.of(curlArgs));
        CommandResult r = inVm(vm, java.time.Duration.ofSeconds(20), argv.toArray(String[]::new)).requireSuccess();
        int cut = r.stdout().lastIndexOf('\n');
        return List.of(r.stdout().substring(cut + 1), r.stdout().substring(0, cut));
    }

    @Override
    public void close() {
        RuntimeException first = null;
        try {
            namespaces.close(); // the VMs, then upstream, hypervisor and router
        } catch (RuntimeException e) {
            first = e;
        }
        for (Path etc : resolvConfDirs) {
            try {
                Files.deleteIfExists(etc.resolve("resolv.conf"));
                Files.deleteIfExists(etc);
            } catch (IOException e) {
                first = first == null ? new UncheckedIOException(e) : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
