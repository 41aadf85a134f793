package org.linuxrouter.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private final Netns router;
    private final Path dir;
    private final Path config;
    private Process process;

    public HostDaemon(Netns router, Path dir, List<String> settings) {
        this.router = router;
        this.dir = dir;
        this.config = dir.resolve("linuxrouterd.conf");
        List<String> lines = new ArrayList<>(List.of("listen = 127.0.0.1:8443",
                "tls_keystore = " + dir.resolve("tls/linuxrouterd.p12"), "secret_file = " + dir.resolve("secret"),
                "state_dir = " + dir.resolve("state")));
        lines.addAll(settings);
        try {
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
