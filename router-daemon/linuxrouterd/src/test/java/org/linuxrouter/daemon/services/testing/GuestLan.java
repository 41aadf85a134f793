package org.linuxrouter.daemon.services.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.linuxrouter.rtnetlink.internal.LibC;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.process.Command;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * A router, its guest networks and VMs in network namespaces on the host kernel: per network the router holds one
 * guest interface {@code gN} (the place a VLAN subinterface or VXLAN device takes in production) with the gateway
 * address, its peer sits in a bridge in the "hypervisor" namespace, and each VM is a namespace with {@code eth0}
 * plugged into that bridge, its own MAC and address, and a default route via the gateway. An "upstream" namespace
 * behind {@code wan0} shows what the router forwards. Every namespace is named {@code <prefix>-...} and deleted on
 * {@link #close()}.
 */
public final class GuestLan implements AutoCloseable {

    /** Where an upstream host sits, outside every guest network. */
    public static final String UPSTREAM = "192.0.2.2";

    private final String prefix;
    private final Netns router;
    private final Netns hypervisor;
    private final Netns upstream;
    private final Map<String, Netns> vms = new LinkedHashMap<>();
    private final List<Path> resolvConfDirs = new ArrayList<>();
    private int networks;

    private GuestLan(String prefix, Netns router, Netns hypervisor, Netns upstream) {
        this.prefix = prefix;
        this.router = router;
        this.hypervisor = hypervisor;
        this.upstream = upstream;
    }

    /** Creates router, hypervisor and upstream; {@code prefix} must be unique to the caller (names of netns). */
    public static GuestLan create(String prefix) {
        List<Netns> made = new ArrayList<>();
        try {
            Netns router = made(made, Netns.create(prefix + "-r"));
            Netns hypervisor = made(made, Netns.create(prefix + "-h"));
            Netns upstream = made(made, Netns.create(prefix + "-u"));
            router.vethTo(upstream, "wan0", "eth0");
            router.ip().run("addr", "add", "192.0.2.1/24", "dev", "wan0");
            router.ip().run("link", "set", "wan0", "up");
            upstream.ip().run("addr", "add", UPSTREAM + "/24", "dev", "eth0");
            upstream.ip().run("link", "set", "eth0", "up");
            upstream.ip().run("route", "add", "default", "via", "192.0.2.1");
            router.exec("sysctl", "-q", "-w", "net.ipv4.ip_forward=1").requireSuccess();
            return new GuestLan(prefix, router, hypervisor, upstream);
        } catch (RuntimeException e) {
            made.forEach(Netns::close);
            throw e;
        }
    }

    private static Netns made(List<Netns> made, Netns ns) {
        made.add(ns);
        return ns;
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
     * Adds a VM on network {@code network} (0-based, in creation order): its namespace, eth0 with {@code mac} and
     * {@code cidr}, default route via {@code gateway}. Its resolver points at its own loopback, where nothing
     * answers, so a name lookup fails at once instead of waiting for the host's servers.
     */
    public Netns addVm(String name, int network, String mac, String cidr, String gateway) {
        Netns vm = Netns.create(prefix + "-" + name);
        vms.put(name, vm);
        String port = "p" + name;
        hypervisor.vethTo(vm, port, "eth0");
        hypervisor.ip().run("link", "set", port, "master", "br" + network, "up");
        vm.ip().run("link", "set", "eth0", "address", mac);
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

    /** Runs {@code action} on a thread inside the router namespace; sockets it opens stay there. */
    public <T> T inRouter(Callable<T> action) {
        return org.linuxrouter.rtnetlink.internal.Netns.callIn(LibC.system(), Path.of("/run/netns", router.name()),
                () -> {
                    try {
                        return action.call();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
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

    @Override
    public void close() {
        RuntimeException first = null;
        List<Netns> all = new ArrayList<>(vms.values());
        all.addAll(List.of(upstream, hypervisor, router));
        for (Netns ns : all) {
            try {
                ns.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
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
