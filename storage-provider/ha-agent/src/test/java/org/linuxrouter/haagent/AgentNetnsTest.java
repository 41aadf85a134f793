package org.linuxrouter.haagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.daemon.tls.SecretFile;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.client.AgentClient;
import org.linuxrouter.ha.status.health.HealthState;
import org.linuxrouter.ha.status.health.NodeReport;
import org.linuxrouter.ha.status.health.PairClassifier;
import org.linuxrouter.ha.status.health.PairSpec;
import org.linuxrouter.ha.status.health.Probe;
import org.linuxrouter.ha.status.health.Verdict;
import org.linuxrouter.ha.status.node.IpAddrParser;
import org.linuxrouter.ha.status.report.AgentReport;
import org.linuxrouter.ha.status.report.NodeReports;
import org.linuxrouter.protocol.auth.RouterSecret;
import org.linuxrouter.protocol.client.CertificateFingerprint;
import org.linuxrouter.testkit.net.Ip;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.net.NetnsGroup;

/**
 * Two real agents, each a JVM inside its own network namespace, reached over real HTTPS from this JVM through
 * veth pairs. The kernel's view (addresses, mounts) is real; DRBD, NFS and chrony are files and tiny programs the
 * test writes, since the CI kernel has no DRBD.
 */
class AgentNetnsTest {
    private static final String PRIMARY = """
            version: 8.4.11 (api:1/proto:86-101)
            srcversion: 211FB288A383ED945B83420\s
             0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----
                ns:65496 nr:0 dw:0 dr:65496 al:8 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:0
            """;
    private static final String SECONDARY = PRIMARY.replace("ro:Primary/Secondary", "ro:Secondary/Primary");
    private static final String EVENTS2 = """
            exists resource name:r0 role:%s suspended:no
            exists connection name:r0 peer-node-id:0 conn-name:peer connection:Connected role:%s
            exists device name:r0 volume:0 minor:0 disk:UpToDate
            exists peer-device name:r0 peer-node-id:0 conn-name:peer volume:0 replication:Established peer-disk:UpToDate resync-suspended:no
            exists -
            """;
    private static final String EXPORTS =
            "/              \t10.213.0.0/16(sync,wdelay,hide,no_subtree_check,fsid=1,sec=sys,rw,secure,no_root_squash,no_all_squash)\n";
    private static final String CHRONY =
            "C0A80001,192.168.0.1,3,1795617841.374826336,0.000004168,-0.000004005,0.000010327,-3.287,0.000,0.049,0.000344999,0.000224001,64.2,Normal\n";

    /** Generous: the test checks what the agents answer, not how fast a loaded CI machine starts two JVMs. */
    private static final Duration ANSWER = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private final int subnet = ThreadLocalRandom.current().nextInt(1, 250);
    private final String tag = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
    private final NetnsGroup namespaces = new NetnsGroup("dnfs-");
    private Netns nsA;
    private Netns nsB;
    private String vip;

    @BeforeEach
    void namespaces() {
        nsA = namespaces.create("a-" + tag);
        nsB = namespaces.create("b-" + tag);
        vip = "10.213." + subnet + ".10";
        link(nsA, "dnfsa" + tag, 2);
        link(nsB, "dnfsb" + tag, 3);
        nsA.ip().run("addr", "add", vip + "/24", "dev", "eth0").requireSuccess(); // node a holds the floating IP
    }

    /**
     * A veth from this (root) namespace into {@code ns}; the host end gets no address, each node a /32 route. The
     * namespace also gets its own resolv.conf ({@code ip netns exec} mounts /etc/netns/NAME/ over /etc): the JDK's
     * HTTPS server looks up each client's name, which in a namespace without DNS waits for the resolver's timeout.
     */
    private void link(Netns ns, String hostEnd, int host) {
        try {
            Path etc = Files.createDirectories(Path.of("/etc/netns", ns.name()));
            Files.writeString(etc.resolve("resolv.conf"), "nameserver 127.0.0.1\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Ip.host().run("link", "add", hostEnd, "type", "veth", "peer", "name", "eth0", "netns", ns.name()).requireSuccess();
        Ip.host().run("link", "set", hostEnd, "up").requireSuccess();
        ns.ip().run("link", "set", "eth0", "up").requireSuccess();
        String addr = "10.213." + subnet + "." + host;
        ns.ip().run("addr", "add", addr + "/24", "dev", "eth0").requireSuccess();
        Ip.host().run("route", "add", addr + "/32", "dev", hostEnd).requireSuccess();
        ns.ip().run("route", "add", "default", "dev", "eth0").requireSuccess();
    }

    @AfterEach
    void cleanUp() {
        try {
            namespaces.close(); // takes the veth pairs, host ends included, and their routes with them
        } finally {
            deleteEtc(namespaces.name("a-" + tag));
            deleteEtc(namespaces.name("b-" + tag));
        }
    }

    private static void deleteEtc(String netns) {
        Path etc = Path.of("/etc/netns", netns);
        try {
            Files.deleteIfExists(etc.resolve("resolv.conf"));
            Files.deleteIfExists(etc);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path node(String name, String procDrbd, String role, String peerRole) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve("proc-drbd"), procDrbd);
        Files.writeString(d.resolve("nfsd-threads"), "8\n");
        Path exports = Files.writeString(d.resolve("exports.txt"), EXPORTS);
        Path chrony = Files.writeString(d.resolve("chrony.csv"), CHRONY);
        Path events = Files.writeString(d.resolve("events2.txt"), String.format(EVENTS2, role, peerRole));
        Path config = d.resolve("ha-agent.conf");
        Files.writeString(config, String.join("\n",
                "role = storage",
                "node_name = " + name,
                "listen = 0.0.0.0:8444",
                "key_store = " + d.resolve("agent.p12"),
                "secret_file = " + d.resolve("agent.secret"),
                "mount_point = /",
                "proc_drbd = " + d.resolve("proc-drbd"),
                "nfsd_threads = " + d.resolve("nfsd-threads"),
                "time = chrony",
                "drbdsetup_path = " + script(d, "drbdsetup", events),
                "exportfs_path = " + script(d, "exportfs", exports),
                "chronyc_path = " + script(d, "chronyc", chrony),
                "command_timeout = 30s", ""));
        return config;
    }

    /** A stand-in program that prints a file: what the real tool prints on a DRBD/NFS node. */
    private static Path script(Path d, String name, Path output) throws IOException {
        Path s = d.resolve(name);
        Files.writeString(s, "#!/bin/sh\nexec cat '" + output + "'\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
        return s;
    }

    private AgentClient client(String addr, AgentProcess agent, Path config, Duration timeout) {
        RouterSecret secret = new SecretFile(config.resolveSibling("agent.secret")).load();
        return new AgentClient(URI.create("https://" + addr + ":8444"), CertificateFingerprint.parse(agent.fingerprint()),
                secret, timeout);
    }

    @Test
    void twoAgentsOverHttpsMakeAHealthyPairThenOneBadFileMakesItUnknown() throws Exception {
        Path configA = node("storage1", PRIMARY, "Primary", "Secondary");
        Path configB = node("storage2", SECONDARY, "Secondary", "Primary");
        try (AgentProcess a = AgentProcess.start(nsA.name(), configA);
             AgentProcess b = AgentProcess.start(nsB.name(), configB)) {
            AgentClient clientA = client("10.213." + subnet + ".2", a, configA, ANSWER);
            AgentClient clientB = client("10.213." + subnet + ".3", b, configB, ANSWER);
            Reading<AgentReport> ra = clientA.status();
            assertTrue(ra.known(), ra.problem());
            assertEquals("storage1", ra.value().node());
            NodeReport na = NodeReports.from(ra.value());
            // the agent ran the real ip inside its namespace: it sees the floating IP, node b does not
            assertTrue(IpAddrParser.holder(na.addresses().value(), vip).isPresent(), na.addresses().toString());
            assertEquals("r0/0", na.drbd().value().volumes().get(0).key());
            assertTrue(ra.value().capacity().get().totalBytes() > 0, "statvfs of the real mount point");

            PairSpec spec = PairSpec.newBuilder(PairSpec.Kind.NFS_EXPORT, vip).mountPoint("/")
                    .exports(List.of(new PairSpec.ExpectedExport("/", Optional.of("1")))).build();
            Probe nfs = new Probe("NFS on " + vip + ":2049", Reading.of(true), HealthState.FAILED);
            NodeReport nb = NodeReports.from(clientB.status().value());
            assertFalse(IpAddrParser.holder(nb.addresses().value(), vip).isPresent());
            Verdict healthy = PairClassifier.classify(spec, na, nb, List.of(nfs));
            assertEquals(HealthState.HEALTHY, healthy.state(), healthy.summary());

            // a truncated /proc/drbd on node b: the agent still answers, the pair is UNKNOWN saying why
            Files.writeString(configB.resolveSibling("proc-drbd"), "version: 8.4.11 (api:1/proto:86-101)\n 0: cs:Conn");
            Files.writeString(configB.resolveSibling("events2.txt"), "exists resource name:r0 role:Secon");
            Thread.sleep(Agent.CACHE.toMillis() + 100);
            NodeReport broken = NodeReports.from(clientB.status().value());
            Verdict unknown = PairClassifier.classify(spec, na, broken, List.of(nfs));
            assertEquals(HealthState.UNKNOWN, unknown.state(), unknown.summary());
            assertTrue(unknown.reasons().get(0).startsWith("storage2: DRBD state unknown (drbdsetup events2 --now: truncated"),
                    unknown.summary());
        }
    }

    @Test
    void wrongSecretIsRefusedAndWrongPinFailsTls() throws Exception {
        Path configA = node("storage1", PRIMARY, "Primary", "Secondary");
        try (AgentProcess a = AgentProcess.start(nsA.name(), configA)) {
            String addr = "10.213." + subnet + ".2";
            AgentClient wrongSecret = new AgentClient(URI.create("https://" + addr + ":8444"),
                    CertificateFingerprint.parse(a.fingerprint()), RouterSecret.generate(), ANSWER);
            Reading<AgentReport> r = wrongSecret.status();
            assertTrue(r.problem().startsWith("agent " + addr + ":8444 answered 401"), r.problem());
            String otherPin = a.fingerprint().startsWith("00") ? "11" + a.fingerprint().substring(2)
                    : "00" + a.fingerprint().substring(2);
            AgentClient wrongPin = new AgentClient(URI.create("https://" + addr + ":8444"),
                    CertificateFingerprint.parse(otherPin), new SecretFile(configA.resolveSibling("agent.secret")).load(),
                    ANSWER);
            assertTrue(wrongPin.status().problem().contains("TLS failed"), wrongPin.status().problem());
            AgentClient nobody = new AgentClient(URI.create("https://10.213." + subnet + ".3:8444"),
                    CertificateFingerprint.parse(a.fingerprint()), RouterSecret.generate(), Duration.ofSeconds(3));
            assertFalse(nobody.status().known());
            assertTrue(NodeReports.from(client(addr, a, configA, ANSWER).status().value())
                    .exports().known(), "exports read through the configured program");
        }
    }
}
