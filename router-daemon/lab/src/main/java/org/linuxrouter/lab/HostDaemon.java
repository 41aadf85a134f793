package org.linuxrouter.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.process.Command;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * linuxrouterd as its own process in a router namespace on the host kernel (where VXLAN and nftables work), driven
 * with {@code lrctl} run in that namespace as an operator would: the API listens on the namespace's loopback, so
 * nothing of it reaches the host. Configuration: the API on 127.0.0.1:8443, keys and state under {@code dir}, plus
 * {@code settings} lines (VXLAN, guest services).
 */
public final class HostDaemon implements AutoCloseable {

    /** USER_HZ: what /proc counts CPU time in; 100 on every Linux architecture Debian ships. */
    private static final long CLOCK_TICKS = 100;

    private final Netns router;
    private final Path dir;
    private final Path config;
    private Process process;

    public HostDaemon(Netns router, Path dir, List<String> settings) {
        this.router = router;
        this.dir = dir;
        this.config = dir.resolve("linuxrouterd.conf");
        // dnsmasq files under this daemon's own directory, not the shared default under /run, so that two labs
        // on one host never serve each other's leases; dnsmasq reads them as its own user, hence 0755
        List<String> lines = new ArrayList<>(List.of("listen = 127.0.0.1:8443",
                "tls_keystore = " + dir.resolve("tls/linuxrouterd.p12"), "secret_file = " + dir.resolve("secret"),
                "state_dir = " + dir.resolve("state"), "dnsmasq_dir = " + dir.resolve("dnsmasq")));
        lines.addAll(settings);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(config, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the daemon and waits until {@code lrctl status} gets an answer. */
    public void start(Duration timeout) throws InterruptedException {
        try {
            process = new ProcessBuilder(List.of("ip", "netns", "exec", router.name(), java(), "-cp",
                    System.getProperty("java.class.path"), "org.linuxrouter.daemon.Main", "--config",
                    config.toString())).redirectErrorStream(true).redirectOutput(log().toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start linuxrouterd", e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("linuxrouterd exited with " + process.exitValue() + logText());
            }
            if (Files.exists(dir.resolve("secret")) && lrctl("status").succeeded()) {
                return;
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("linuxrouterd did not answer within " + timeout + logText());
    }

    /** {@code lrctl --config <this daemon's> args...} in the router namespace; the result is not checked. */
    public CommandResult lrctl(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", router.name(), java(), "-cp",
                System.getProperty("java.class.path"), "org.linuxrouter.lrctl.Lrctl", "--config", config.toString()));
        argv.addAll(List.of(args));
        return Command.run(argv, null, Duration.ofMinutes(5));
    }

    /** {@code lrctl apply -f} of {@code json} (a network and its NICs); throws unless it applied. */
    public void apply(String name, String json) {
        Path file = dir.resolve(name + ".json");
        try {
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CommandResult r = lrctl("apply", "-f", file.toString());
        if (!r.succeeded()) {
            throw new IllegalStateException("lrctl apply failed: " + r + logText());
        }
    }

    /** The daemon's {@code /metrics}, read with curl in the router namespace (the one unsigned resource). */
    public String metrics() {
        return router.exec("curl", "-sk", "https://127.0.0.1:8443/metrics").requireSuccess().stdout();
    }

    /**
     * CPU time the daemon has used so far (user + system), from {@code /proc/PID/stat}: {@code ip netns exec}
     * execs the JVM, so the process is the daemon itself.
     */
    public Duration cpuTime() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
            return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the daemon's CPU time", e);
        }
    }

    public Path stateFile() {
        return dir.resolve("state/state.json");
    }

    public Path log() {
        return dir.resolve("linuxrouterd.log");
    }

    /** The log, for failure messages. */
    public String logText() {
        try {
            return "\nlinuxrouterd log:\n" + Files.readString(log());
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy(); // SIGTERM: the shutdown hook stops the daemon cleanly
            process.waitFor();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
