package org.linuxrouter.testkit.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's ISC {@code dhclient} in a VM's network namespace, as a booting guest runs it, for one exchange
 * ({@code -1}: give up after the timeout), in the foreground and stopped once it has a lease. Its own config,
 * lease and pid files live in a work directory, and its script is {@code /bin/true}, so it leaves the interface
 * alone: the lease file says exactly what the server offered, and the test compares that with what CloudStack
 * assigned.
 */
public final class Dhclient {

    /** What a Debian guest's dhclient.conf asks for, plus MTU and the options the tests give per NIC. */
    private static final String REQUEST = "request subnet-mask, broadcast-address, routers, domain-name,"
            + " domain-name-servers, host-name, interface-mtu, tftp-server-name, bootfile-name;\n";

    private Dhclient() {
    }

    /**
     * One DHCPv4 exchange on {@code iface} of namespace {@code netns}, waiting at most {@code timeoutSeconds}.
     * Returns the lease's options ({@code fixed-address}, then option names without the {@code option} word,
     * values as dhclient writes them: strings quoted), or empty when no server answered.
     */
    public static Optional<Map<String, String>> lease(String netns, String iface, Path workDir, int timeoutSeconds) {
        Path conf = workDir.resolve(netns + "-dhclient.conf");
        Path leases = workDir.resolve(netns + ".leases");
        Path pid = workDir.resolve(netns + "-dhclient.pid");
        Process dhclient = null;
        try {
            Files.writeString(conf, "timeout " + timeoutSeconds + ";\nretry 1;\n" + REQUEST);
            Files.deleteIfExists(leases);
            // -d: in the foreground, so this process is dhclient itself and ours to stop; a daemonised one would
            // outlive the test (renewing a lease in a namespace that is gone)
            dhclient = new ProcessBuilder(List.of("ip", "netns", "exec", netns, "dhclient", "-4", "-1", "-d", "-v",
                    "-cf", conf.toString(), "-lf", leases.toString(), "-pf", pid.toString(), "-sf", "/bin/true",
                    iface)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds + 30L);
            while (System.nanoTime() < deadline) {
                // a whole lease block: dhclient may be half way through writing it
                String text = Files.exists(leases) ? Files.readString(leases) : "";
                if (text.contains("fixed-address") && text.strip().endsWith("}")) {
                    return Optional.of(parse(List.of(text.split("\n"))));
                }
                if (!dhclient.isAlive()) {
                    return Optional.empty(); // -1: no lease within the timeout
                }
                Thread.sleep(50);
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for dhclient in " + netns, e);
        } finally {
            if (dhclient != null) {
                dhclient.destroy();
                try {
                    if (!dhclient.waitFor(10, TimeUnit.SECONDS)) {
                        dhclient.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    dhclient.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            try {
                Files.deleteIfExists(conf);
                Files.deleteIfExists(pid);
            } catch (IOException e) {
                // leftovers in a test's own work directory are harmless
            }
        }
    }

    /** {@code option routers 10.0.0.1;} to {@code routers -> 10.0.0.1}, the last lease's value winning. */
    public static Map<String, String> parse(List<String> lines) {
        Map<String, String> lease = new LinkedHashMap<>();
        for (String line : lines) {
            String l = line.trim();
            if (l.endsWith(";")) {
                String[] parts = l.substring(0, l.length() - 1).replaceFirst("^option ", "").split(" ", 2);
                if (parts.length == 2) {
                    lease.put(parts[0], parts[1]);
                }
            }
        }
        return lease;
    }
}
