package org.linuxrouter.testkit.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linuxrouter.testkit.process.Command;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * Debian's ISC {@code dhclient} in a VM's network namespace, as a booting guest runs it, for one exchange
 * ({@code -1}: give up after the timeout). Its own config, lease and pid files live in a work directory, and its
 * script is {@code /bin/true}, so it leaves the interface alone: the lease file says exactly what the server
 * offered, and the test compares that with what CloudStack assigned.
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
        try {
            Files.writeString(conf, "timeout " + timeoutSeconds + ";\nretry 1;\n" + REQUEST);
            Files.deleteIfExists(leases);
            CommandResult run = Command.run(List.of("ip", "netns", "exec", netns, "dhclient", "-4", "-1", "-v",
                    "-cf", conf.toString(), "-lf", leases.toString(), "-pf", pid.toString(), "-sf", "/bin/true",
                    iface), null, java.time.Duration.ofSeconds(timeoutSeconds + 30L));
            // -1 exits after the lease, but a daemonised renewer may linger: stop it by its own pid file
            if (Files.exists(pid)) {
                Command.run(List.of("pkill", "-F", pid.toString()));
            }
            if (run.exitCode() != 0 || !Files.exists(leases)) {
                return Optional.empty();
            }
            Map<String, String> lease = parse(Files.readAllLines(leases));
            return lease.containsKey("fixed-address") ? Optional.of(lease) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
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
