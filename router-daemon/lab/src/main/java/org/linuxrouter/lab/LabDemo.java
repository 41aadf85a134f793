package org.linuxrouter.lab;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.linuxrouter.protocol.client.RouterClient;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.uml.GuestJava;

/**
 * The README's demo, run inside the user-mode-linux 802.1Q kernel by {@link DemoLauncher}: the router lab
 * narrated step by step — two networks applied as CloudStack would, {@code lrctl status}, the pings — then a
 * summary. Exits 0 only if every check passed.
 */
public final class LabDemo {

    private final List<String> failed = new ArrayList<>();
    private int checks;

    public static void main(String[] args) throws Exception {
        System.exit(new LabDemo().run());
    }

    private int run() throws Exception {
        say("linuxrouter demo: a Linux router serving CloudStack guest VLANs, no virtual-router VM");
        long t0 = System.nanoTime();
        try (LabTopology lab = LabTopology.build();
             DaemonProcess daemon = new DaemonProcess(lab.router, Files.createTempDirectory("lrdemo"))) {
            say("lab built in " + ms(t0) + " ms: router (trunk eth1, uplink eth0), a hypervisor trunk carrying VLANs"
                    + " 100 and 200 to vm1 and vm2, an upstream host on the uplink");
            long t1 = System.nanoTime();
            daemon.start(Duration.ofSeconds(120));
            say("linuxrouterd started in the router namespace in " + ms(t1) + " ms (HTTPS on "
                    + LabTopology.MGMT_ROUTER + ":" + DaemonProcess.PORT + ", HMAC-signed requests, pinned certificate)");
            RouterClient client = daemon.client();

            apply(client, LabNetworks.publicNetwork(), LabNetworks.vm1(lab.vm1), "vm1");
            apply(client, LabNetworks.privateNetwork(), LabNetworks.vm2(lab.vm2), "vm2");

            say("lrctl status, run on the router as an operator would:");
            lrctl(lab.router, daemon, "status");
            say("what the kernel now holds, read with iproute2 (ip -d link show eth1.100):");
            for (String line : lab.router.exec("ip", "-d", "link", "show", "eth1.100").stdout().split("\n")) {
                if (line.contains("eth1.100") || line.contains("vlan protocol")) {
                    System.out.println("    " + line.strip());
                }
            }
            System.out.println("    " + lab.router.exec("ip", "-br", "addr", "show", "eth1.100").stdout().trim());

            check("vm1 pings its gateway 198.51.100.129", () -> lab.vm1.ping("198.51.100.129"));
            check("vm2 pings its gateway 10.2.2.1", () -> lab.vm2.ping("10.2.2.1"));
            check("vm1 (VLAN 100) pings vm2 (VLAN 200) through the router", () -> lab.vm1.ping("10.2.2.10"));
            check("upstream pings vm1's public 198.51.100.130 (router answers ARP for it on the uplink)",
                    () -> lab.upstream.ping("198.51.100.130"));
            check("upstream pings vm1's public 2001:db8:0:1:8000::2 (NDP proxy)",
                    () -> lab.upstream.ping("2001:db8:0:1:8000::2"));
            handDeletion(lab);
            client.deleteNetwork(LabNetworks.PRIVATE);
            check("deleting private-200 removes eth1.200 and leaves public-100 working",
                    () -> !lab.router.exec("ip", "link", "show", "eth1.200").succeeded()
                            && lab.upstream.ping("198.51.100.130"));
        }
        System.out.println();
        say("summary: " + (checks - failed.size()) + " of " + checks + " checks passed" + (failed.isEmpty() ? ""
                : "; failed: " + String.join("; ", failed)));
        return failed.isEmpty() ? 0 : 1;
    }

    private void apply(RouterClient client, NetworkSpec spec, NicSpec nic, String vm) throws Exception {
        long t = System.nanoTime();
        NetworkState net = client.putNetwork(spec);
        NetworkState withNic = client.putNic(spec.uuid(), nic);
        say("CloudStack prepares " + spec.name().orElse("") + " (" + spec.segment().uri() + ", gateway " + spec.gateway4()
                + spec.gateway6().map(g -> " and " + g).orElse("") + ") and " + vm + "'s NIC " + nic.addresses()
                + ": " + (net.status().isApplied() && withNic.status().isApplied() ? "applied" : "NOT applied")
                + " in " + ms(t) + " ms");
        checks++;
        if (!withNic.status().isApplied()) {
            failed.add(spec.name().orElse("") + " not applied: " + withNic.status().lastError().orElse("?"));
        }
    }

    private void handDeletion(LabTopology lab) throws InterruptedException {
        lab.router.ip().run("link", "del", "eth1.100");
        long t = System.nanoTime();
        boolean back = false;
        while (!back && System.nanoTime() - t < Duration.ofSeconds(10).toNanos()) {
            back = lab.router.exec("ip", "link", "show", "eth1.100").succeeded();
            Thread.sleep(20);
        }
        long took = ms(t);
        boolean inTime = back && took <= 2000;
        check("an operator deletes eth1.100 by hand; linuxrouterd restores it in " + took + " ms (<= 2000)",
                () -> inTime);
    }

    private static void lrctl(Netns router, DaemonProcess daemon, String command) {
        var r = router.exec(java(), "-XX:+UseSerialGC", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                GuestJava.guestClasspath(), "org.linuxrouter.lrctl.Lrctl", "--config", daemon.config().toString(), command);
        for (String line : (r.stdout() + r.stderr()).strip().split("\n")) {
            System.out.println("    " + line);
        }
    }

    private void check(String what, BooleanSupplier test) {
        checks++;
        boolean ok = test.getAsBoolean();
        if (!ok) {
            failed.add(what);
        }
        say((ok ? "ok    " : "FAIL  ") + what);
    }

    private static String java() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void say(String line) {
        System.out.println("demo: " + line);
        System.out.flush();
    }
}
