package org.linuxrouter.cloudstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.linuxrouter.daemon.tls.KeyStoreFile;
import org.linuxrouter.daemon.tls.SecretFile;
import org.linuxrouter.lab.DaemonProcess;
import org.linuxrouter.protocol.client.RouterClient;
import org.linuxrouter.protocol.model.PairState;
import org.linuxrouter.testkit.net.Ip;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.net.NetnsGroup;

/**
 * Two real linuxrouterd processes as a VRRP pair on the host kernel, each in its own namespace
 * {@code PREFIX-r1}, {@code PREFIX-r2}: their trunks ({@code trunk0}, 169.254.77.1 and .2) are one veth, which is
 * also the VXLAN underlay, so VXLAN guest networks (the host kernel has no 802.1Q) and keepalived's advertisements
 * both work; each API listens on its own management veth reached from the test JVM, and the daemons' peer channel
 * runs over a third veth between the two namespaces ({@code peer0}, routed to the other's API address). Both serve
 * the guests' metadata and passwords. A member can be killed (SIGKILL), stopped (SIGTERM: keepalived hands over at
 * once) and started again with its state directory, as a router that went away and came back.
 */
public final class RouterPairLab implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(120);

    private final String prefix;
    private final int site;
    private final NetnsGroup namespaces;
    private final List<Netns> routers = new ArrayList<>();
    private final List<DaemonProcess> daemons = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();

    private RouterPairLab(String prefix) {
        this.prefix = prefix;
        this.namespaces = new NetnsGroup(prefix + "-");
        // the management /30s must differ between concurrent runs: derive them from this JVM
        this.site = (int) (ProcessHandle.current().pid() % 250) + 1;
    }

    /** Builds both namespaces and starts both daemons; on failure removes what was made. */
    public static RouterPairLab start(String prefix) throws InterruptedException {
        RouterPairLab lab = new RouterPairLab(prefix);
        try {
            lab.wire();
            for (int member = 1; member <= 2; member++) {
                lab.daemons.get(member - 1).start(START);
            }
            return lab;
        } catch (RuntimeException | InterruptedException e) {
            try {
                lab.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private void wire() {
        for (int member = 1; member <= 2; member++) {
            routers.add(namespaces.replace("r" + member)); // a crashed run's namespace is removed first
        }
        routers.get(0).vethTo(routers.get(1), "trunk0", "trunk0");
        routers.get(0).vethTo(routers.get(1), "peer0", "peer0");
        for (int member = 1; member <= 2; member++) {
            dirs.add(tempDir(prefix + "-r" + member));
        }
        List<String> fingerprints = new ArrayList<>();
        for (int member = 1; member <= 2; member++) {
            fingerprints.add(DaemonProcess.identity(dirs.get(member - 1), apiAddress(member)));
        }
        for (int member = 1; member <= 2; member++) {
            Netns router = routers.get(member - 1);
            String host = prefix + "m" + member;
            Ip.host().batch(List.of("link add " + host + " type veth peer name mgmt0 netns " + router.name(),
                    "addr add " + hostAddress(member) + "/30 dev " + host, "link set " + host + " up"));
            int other = 3 - member;
            router.ip().batch(List.of("link set mgmt0 up", "addr add " + apiAddress(member) + "/30 dev mgmt0",
                    "link set trunk0 up", "addr add 169.254.77." + member + "/24 dev trunk0", "link set lo up",
                    "link set peer0 up", "route add " + apiAddress(other) + "/32 dev peer0 src " + apiAddress(member)));
            Path dir = dirs.get(member - 1);
            DaemonProcess.peerSecret(dir, dirs.get(other - 1));
            daemons.add(new DaemonProcess(router, dir, apiAddress(member), List.of(
                    "trunk_interface = trunk0",
                    "vxlan_underlay = trunk0",
                    "vxlan_mode = multicast",
                    "dnsmasq_dir = " + dir.resolve("dnsmasq"),
                    "metadata = on",
                    "pair_peer_url = https://" + apiAddress(other) + ":" + DaemonProcess.PORT,
                    "pair_peer_fingerprint = " + fingerprints.get(other - 1),
                    "pair_peer_secret_file = " + dir.resolve("peer-secret"),
                    "pair_peer_poll_interval = 300ms",
                    "vrrp = on",
                    "vrrp_router_id = 51",
                    "vrrp_priority = " + (member == 1 ? 110 : 100),
                    "vrrp_advert_interval = 200ms")));
        }
    }

    private String hostAddress(int member) {
        return "172.29." + site + "." + (member * 4 - 3);
    }

    /** Where member 1 or 2's API listens (port {@link DaemonProcess#PORT}). */
    public String apiAddress(int member) {
        return "172.29." + site + "." + (member * 4 - 2);
    }

    public String url(int member) {
        return "https://" + apiAddress(member) + ":" + DaemonProcess.PORT;
    }

    /** The member's shared secret, as {@code lrctl secret} prints it. */
    public String secret(int member) {
        return new SecretFile(dirs.get(member - 1).resolve("secret")).load().encoded();
    }

    /** The member's certificate fingerprint, as {@code lrctl fingerprint} prints it. */
    public String fingerprint(int member) {
        return new KeyStoreFile(dirs.get(member - 1).resolve("tls/linuxrouterd.p12")).load().fingerprint();
    }

    public RouterClient client(int member) {
        return daemons.get(member - 1).client();
    }

    public Netns router(int member) {
        return routers.get(member - 1);
    }

    /** The names of the links in the member's namespace, read with iproute2. */
    public List<String> links(int member) {
        return router(member).ip().json("link", "show").findValues("ifname").stream().map(n -> n.asText())
                .collect(Collectors.toList());
    }

    /** SIGKILL: the router is gone without a word, its keepalived with it soon after. */
    public void kill(int member) throws InterruptedException {
        daemons.get(member - 1).kill();
    }

    /** SIGTERM: the daemon stops cleanly, its keepalived leaves with a priority-0 advertisement (the peer takes over). */
    public void stop(int member) throws InterruptedException {
        daemons.get(member - 1).close();
    }

    /** The member's VRRP role as its daemon reports it, UNKNOWN when it does not answer. */
    public PairState.Role role(int member) {
        try {
            return client(member).status().pair().map(PairState::role).orElse(PairState.Role.UNKNOWN);
        } catch (Exception e) {
            return PairState.Role.UNKNOWN;
        }
    }

    /** Password acknowledgements the member has not delivered to its peer yet. */
    public long pendingForgets(int member) throws Exception {
        return client(member).status().pair().flatMap(PairState::peer).orElseThrow().pendingForgets();
    }

    /**
     * A guest's request to the member's password server ({@code DomU_Request}, as cloud-init's CloudStack datasource
     * sends it), on the gateway the member holds as VRRP master, from the guest's address: the address is lent to
     * the member's {@code lo} for the request (the lab has no VM), so the server sees exactly the (gateway, guest)
     * connection a VM makes.
     */
    public String password(int member, String gateway, String guest, String request) {
        Netns router = router(member);
        router.ip().run("addr", "add", guest + "/32", "dev", "lo");
        try {
            return router.exec("curl", "-s", "--max-time", "5", "--interface", guest, "-H", "DomU_Request: " + request,
                    "http://" + gateway + ":8080/").requireSuccess().stdout().strip();
        } finally {
            router.ip().run("addr", "del", guest + "/32", "dev", "lo");
        }
    }

    /** Starts the member again with the state it had. */
    public void restart(int member) throws InterruptedException {
        daemons.get(member - 1).start(START);
    }

    @Override
    public void close() throws InterruptedException {
        for (DaemonProcess daemon : daemons) {
            try {
                daemon.close();
            } catch (RuntimeException e) {
                System.err.println("router pair lab: could not stop a daemon: " + e.getMessage());
            }
        }
        for (Path dir : dirs) {
            stopOrphans(dir);
        }
        namespaces.close(); // the management veths and the trunk go with the namespaces
    }

    /**
     * What outlives a daemon's SIGKILL ({@link #kill}): its keepalived (the next daemon adopts it) and its dnsmasq,
     * each started with a file under the member's directory on its command line. Stopped here, also after a failed
     * run, so no test leaves a process behind.
     */
    private static void stopOrphans(Path dir) {
        String marker = dir.toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> java.util.Arrays.stream(args)
                        .anyMatch(a -> a.contains(marker))).orElse(false))
                .forEach(ProcessHandle::destroy);
    }

    private static Path tempDir(String name) {
        try {
            return Files.createTempDirectory(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
