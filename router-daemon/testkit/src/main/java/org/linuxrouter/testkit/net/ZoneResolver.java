package org.linuxrouter.testkit.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A zone's own DNS resolver (what CloudStack's dns1 points at), standing outside the guest networks: a second,
 * independent dnsmasq in a namespace that answers only the names it was given and nothing else (no upstream, no
 * hosts file, no DHCP). A router that forwards a name it does not know to this resolver gets its answer; one that
 * does not, gets nothing. Close it to stop the process.
 */
public final class ZoneResolver implements AutoCloseable {

    private final Process process;
    private final String address;

    private ZoneResolver(Process process, String address) {
        this.process = process;
        this.address = address;
    }

    /**
     * Starts the resolver in {@code netns}, listening on {@code address} (which must already be on an interface
     * there), answering each name of {@code records} with its IPv4 address. Waits until it answers.
     */
    public static ZoneResolver start(Netns netns, String address, Map<String, String> records) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", netns.name(), "dnsmasq",
                "--keep-in-foreground", "--conf-file=/dev/null", "--pid-file=", "--no-resolv", "--no-hosts",
                "--bind-interfaces", "--listen-address=" + address, "--log-facility=-"));
        records.forEach((name, ip) -> argv.add("--host-record=" + name + "," + ip));
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the zone resolver: " + argv, e);
        }
        ZoneResolver resolver = new ZoneResolver(process, address);
        String probe = records.keySet().iterator().next();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the zone resolver exited with " + process.exitValue() + ": " + argv);
            }
            if (!netns.exec("dig", "+short", "+time=1", "+tries=1", "@" + address, probe, "A").stdout().isBlank()) {
                return resolver;
            }
            sleep();
        }
        resolver.close();
        throw new IllegalStateException("the zone resolver did not answer within 20 s: " + argv);
    }

    /** Where it listens: the address to give the router as the zone's DNS server. */
    public String address() {
        return address;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
