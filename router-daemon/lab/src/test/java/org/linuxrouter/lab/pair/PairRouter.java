package org.linuxrouter.lab.pair;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.linuxrouter.lab.DaemonProcess;
import org.linuxrouter.protocol.client.RouterClient;
import org.linuxrouter.protocol.model.PairState;
import org.linuxrouter.testkit.net.Netns;

/**
 * One router of the pair: its namespace and linuxrouterd as a process there (which runs its own keepalived and
 * dnsmasq), configured as {@code docs/ha.md} tells an operator: same trunk and uplink wiring on both, {@code vrrp =
 * on}, its own priority, guest DHCP/DNS and metadata on.
 */
final class PairRouter implements AutoCloseable {

    static final Duration START = Duration.ofSeconds(180);

    final String name;
    final Netns netns;
    final String trunkAddress;
    private final Path dir;
    private final DaemonProcess daemon;
    private RouterClient client;
    private boolean running;

    PairRouter(String name, Netns netns, String mgmtAddress, String trunkAddress, int priority, Path dir) {
        this.name = name;
        this.netns = netns;
        this.trunkAddress = trunkAddress;
        this.dir = dir;
        try {
            // dnsmasq reads its directory as its own user
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.daemon = new DaemonProcess(netns, dir, mgmtAddress, List.of(
                "trunk_interface = eth1", "uplink_interface = eth0",
                "vrrp = on", "vrrp_router_id = 51", "vrrp_priority = " + priority,
                "vrrp_advert_interval = 200ms", "vrrp_preempt = off",
                // the UML kernel lacks nftables' inet and arp families, which gate mode needs
                "vrrp_takeover = addresses",
                "dnsmasq_dir = " + dir.resolve("dnsmasq"), "metadata = on"));
    }

    void start() throws InterruptedException {
        Probes.mark(name + " starting");
        daemon.start(START);
        Probes.mark(name + " answers");
        client = daemon.client();
        running = true;
    }

    /** linuxrouterd and its keepalived SIGKILLed (see {@link DaemonProcess#killWithKeepalived}). */
    void crash() throws InterruptedException {
        Probes.mark(name + " crashes");
        daemon.killWithKeepalived();
        running = false;
    }

    /** A clean stop: the daemon stops keepalived (priority-0 advertisement) and dnsmasq. */
    void stop() throws InterruptedException {
        Probes.mark(name + " stops");
        daemon.close();
        running = false;
    }

    boolean running() {
        return running;
    }

    RouterClient client() {
        if (!running) {
            throw new IllegalStateException(name + " is down");
        }
        return client;
    }

    /** The VRRP role the daemon reports in {@code GET /v1/status}. */
    PairState.Role role() {
        try {
            return client().status().pair().map(PairState::role).orElse(PairState.Role.UNKNOWN);
        } catch (Exception e) {
            return PairState.Role.UNKNOWN;
        }
    }

    /** Rewrites {@code vrrp_preempt} in the configuration; takes effect at the next start. */
    void preempt(boolean on) {
        Path config = daemon.config();
        try {
            String text = Files.readString(config).replaceAll("(?m)^vrrp_preempt = .*$", "vrrp_preempt = "
                    + (on ? "on" : "off"));
            Files.writeString(config, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String log() {
        try {
            return Files.exists(daemon.log()) ? Files.readString(daemon.log()) : "(no log)";
        } catch (IOException e) {
            return "(unreadable log: " + e.getMessage() + ")";
        }
    }

    Optional<String> logTail(int lines) {
        List<String> all = log().lines().toList();
        return Optional.of(String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())));
    }

    /** Copies this router's daemon logs (one per start) into {@code target}. */
    void saveLogs(Path target) {
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                Files.copy(log, target.resolve(name + "-" + log.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("pair lab: cannot save " + name + "'s logs: " + e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        daemon.close();
        running = false;
    }

    @Override
    public String toString() {
        return name;
    }
}
