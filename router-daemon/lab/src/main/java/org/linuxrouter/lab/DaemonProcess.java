package org.linuxrouter.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linuxrouter.daemon.tls.KeyStoreFile;
import org.linuxrouter.daemon.tls.SecretFile;
import org.linuxrouter.daemon.tls.SelfSignedIssuer;
import org.linuxrouter.protocol.client.CertificateFingerprint;
import org.linuxrouter.protocol.client.HttpRouterClient;
import org.linuxrouter.protocol.client.RouterClient;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.client.RouterClientConfig;
import org.linuxrouter.protocol.client.RouterClientException;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.uml.GuestJava;

/**
 * linuxrouterd as its own process inside the router namespace, the way systemd runs it: foreground, logging to
 * stdout (here a file), state and keys under a lab directory. Can be killed with SIGKILL and started again.
 */
public final class DaemonProcess implements AutoCloseable {

    public static final int PORT = 8443;

    private final Netns router;
    private final Path dir;
    private final Path config;
    private final String apiAddress;
    private Process process;
    private int starts;
    private boolean fullJit;

    /** The 802.1Q lab's router: API on the management veth, trunk eth1, uplink eth0, metadata served. */
    public DaemonProcess(Netns router, Path dir) {
        this(router, dir, LabTopology.MGMT_ROUTER, List.of("trunk_interface = eth1", "uplink_interface = eth0",
                "metadata = on"));
    }

    /**
     * A router with its own wiring, e.g. testkit's VxlanLab.
     *
     * @param apiAddress the router's address the API listens on and the test connects to
     * @param wiring     configuration lines naming the router's interfaces ({@code uplink_interface = eth0}, ...)
     */
    public DaemonProcess(Netns router, Path dir, String apiAddress, List<String> wiring) {
        this.router = router;
        this.dir = dir;
        this.apiAddress = apiAddress;
        this.config = dir.resolve("linuxrouterd.conf");
        List<String> lines = new ArrayList<>(List.of(
                "listen = " + apiAddress + ":" + PORT,
                "tls = on",
                "tls_keystore = " + dir.resolve("tls/linuxrouterd.p12"),
                "secret_file = " + dir.resolve("secret"),
                "state_dir = " + stateDir(),
                "resync_interval = 1s",
                "# the UML kernel lacks nftables' netdev family: anti-spoofing is proven on the host kernel instead",
                "anti_spoofing = off",
                "log_level = info"));
        lines.addAll(wiring);
        lines.add("");
        write(config, String.join("\n", lines));
    }

    /**
     * Creates the key, certificate and API secret of a router whose state is under {@code dir} before its first
     * start, as that start would (so a peer's configuration can name its fingerprint); returns the fingerprint.
     */
    public static String identity(Path dir, String address) {
        try {
            new SecretFile(dir.resolve("secret")).loadOrCreate();
            InetAddress certified = InetAddress.getByName(address);
            return new KeyStoreFile(dir.resolve("tls/linuxrouterd.p12")).loadOrCreate(() -> SelfSignedIssuer.system()
                    .issue("router-" + address, Optional.of(certified))).fingerprint();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the identity of the router under " + dir, e);
        }
    }

    /**
     * What the operator does for the pair's peer channel: the other router's {@code lrctl secret} (its state under
     * {@code from}) into this one's {@code peer-secret} file under {@code to}, mode 0600; returns that file.
     */
    public static Path peerSecret(Path to, Path from) {
        Path file = to.resolve("peer-secret");
        try {
            Files.writeString(file, new SecretFile(from.resolve("secret")).load().encoded() + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    public Path config() {
        return config;
    }

    /** The daemon's {@code state_dir} (its state file, and the pair-exit files systemd's ExecStopPost applies). */
    public Path stateDir() {
        return dir.resolve("state");
    }

    public Path log() {
        return dir.resolve("linuxrouterd-" + starts + ".log");
    }

    /**
     * Runs the daemon with the JVM's full tiered JIT (C2), as the packaged unit does, instead of C1 only (the
     * default here: starts faster, which the UML labs need). Matters for timings of hot loops, e.g. a takeover's
     * thousands of announcements.
     */
    public DaemonProcess fullJit() {
        this.fullJit = true;
        return this;
    }

    /** Starts the daemon and waits until its API answers (a JVM starts slowly in UML). */
    public void start(Duration timeout) throws InterruptedException {
        starts++;
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", router.name(), javaBinary(),
                "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx256m"));
        if (!fullJit) {
            argv.add("-XX:TieredStopAtLevel=1");
        }
        argv.addAll(List.of("-cp", GuestJava.guestClasspath(), "org.linuxrouter.daemon.Main", "--config",
                config.toString()));
        try {
            process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log().toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start linuxrouterd: " + argv, e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("linuxrouterd exited with " + process.exitValue() + ":\n" + read(log()));
            }
            if (Files.exists(dir.resolve("secret")) && Files.exists(dir.resolve("tls/linuxrouterd.p12")) && answers()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("linuxrouterd did not answer within " + timeout + ":\n" + read(log()));
    }

    /** SIGKILL: no shutdown hook runs, exactly like a crash or a power cut of the process. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        // ip netns exec execs java, so the child is the JVM itself; nothing else is left behind
    }

    /**
     * A crash of the whole service as systemd sees it: the daemon and every keepalived process it started die by
     * SIGKILL at once; whatever else it started (dnsmasq) then gets the SIGTERM systemd's control-group KillMode
     * sends the rest of the unit before a restart.
     */
    public void killWithKeepalived() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        for (ProcessHandle child : children) {
            if (child.info().command().map(c -> c.endsWith("/keepalived")).orElse(false)) {
                child.destroyForcibly();
            }
        }
        process.waitFor();
        for (ProcessHandle child : children) {
            child.destroy();
        }
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> child).join();
        }
    }

    /**
     * {@link #killWithKeepalived} on a thread of its own, started: it also waits for the rest of the unit (dnsmasq)
     * to exit, which a caller timing the takeover must not wait for. Join the returned thread.
     */
    public Thread killWithKeepalivedInBackground() {
        Thread killer = new Thread(() -> {
            try {
                killWithKeepalived();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kill-" + router.name());
        killer.start();
        return killer;
    }

    /**
     * Puts {@code networks} one by one from another thread and SIGKILLs the daemon once {@code acks} of them were
     * acknowledged (a crash in the middle of applying a burst). Returns how many were acknowledged.
     */
    public int killWhileWriting(RouterClient client, List<NetworkSpec> networks, int acks) throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger acknowledged = new java.util.concurrent.atomic.AtomicInteger();
        Thread writer = new Thread(() -> {
            for (NetworkSpec spec : networks) {
                try {
                    client.putNetwork(spec);
                    acknowledged.incrementAndGet();
                } catch (Exception e) {
                    return; // the daemon died under us: expected
                }
            }
        });
        writer.start();
        while (acknowledged.get() < acks && writer.isAlive()) {
            Thread.sleep(5);
        }
        kill();
        writer.join();
        return acknowledged.get();
    }

    /** Whether the daemon's plan became empty (the kernel matches desired state) within {@code timeout}. */
    public static boolean converges(RouterClient client, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!client.plan().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return client.plan().isEmpty();
    }

    /** The daemon's resident memory (VmRSS) now, in KiB. {@code ip netns exec} execs the JVM, so the pid is its. */
    public long residentKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the daemon's memory", e);
        }
        throw new IllegalStateException("no VmRSS for pid " + process.pid());
    }

    /** A client as CloudStack's plugin makes one: the router's URL, the shared secret, the pinned certificate. */
    public RouterClient client() {
        String fingerprint = new KeyStoreFile(dir.resolve("tls/linuxrouterd.p12")).load().fingerprint();
        return new HttpRouterClient(RouterClientConfig.builder()
                .baseUrl(URI.create("https://" + apiAddress + ":" + PORT))
                .secret(new SecretFile(dir.resolve("secret")).load())
                .pin(CertificateFingerprint.parse(fingerprint))
                .requestTimeout(Duration.ofSeconds(60)).build());
    }

    private boolean answers() {
        try {
            client().status();
            return true;
        } catch (RouterClientException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy(); // SIGTERM: the daemon's shutdown hook stops it cleanly
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(no log)";
        } catch (IOException e) {
            return "(unreadable log: " + e.getMessage() + ")";
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
