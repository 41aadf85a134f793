package org.linuxrouter.halab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.health.HealthState;
import org.linuxrouter.ha.status.health.NodeReport;
import org.linuxrouter.ha.status.health.PairClassifier;
import org.linuxrouter.ha.status.health.PairSpec;
import org.linuxrouter.ha.status.health.Probe;
import org.linuxrouter.ha.status.health.Verdict;
import org.linuxrouter.ha.status.report.AgentReport;
import org.linuxrouter.ha.status.report.AgentReportCodec;
import org.linuxrouter.ha.status.report.NodeReports;

/**
 * The two storage VMs on the lab network, brought up the way an operator follows the recipe: addresses, the
 * rendered configuration files, DRBD metadata and first promotion, LVM and ext4 on {@code /dev/drbd0}, then the
 * cluster stack, which takes the chain (DRBD primary, VG, file system, NFS server, floating IP) on its own.
 */
public final class StoragePair implements AutoCloseable {

    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(8);

    private final PairInventory pair;
    private final LabShare share;
    private final LabNetwork network;
    private final List<Vm> nodes = new ArrayList<>();
    private final Path workDir;

    private StoragePair(PairInventory pair, LabShare share, LabNetwork network, Path workDir) {
        this.pair = pair;
        this.share = share;
        this.network = network;
        this.workDir = workDir;
    }

    /** Boots both nodes in a new namespace {@code netnsName}, each with {@code share} mounted read-only. */
    public static StoragePair boot(PairInventory inventory, VmImage image, String netnsName, Path workDir,
                                   LabShare share) {
        LabNetwork network = LabNetwork.create(netnsName);
        StoragePair pair = new StoragePair(inventory, share, network, workDir);
        try {
            for (int node = 1; node <= 2; node++) {
                pair.nodes.add(Vm.boot(image, network, node, inventory.node(node).hostname(),
                        inventory.hostsFile(), workDir, share.root()));
            }
            for (Vm vm : pair.nodes) {
                vm.awaitBoot(BOOT_TIMEOUT);
            }
            return pair;
        } catch (RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    public Vm node(int node) {
        return nodes.get(node - 1);
    }

    public LabNetwork network() {
        return network;
    }

    /** Addresses, the rendered files, DRBD, LVM and the file system; the cluster stack is not started yet. */
    public void provision() {
        String resource = pair.drbd().name();
        String mountPoint = pair.logicalVolume().mountPoint();
        for (int node = 1; node <= 2; node++) {
            Vm vm = node(node);
            vm.run("ip", "addr", "add", pair.node(node).managementAddress() + "/24", "dev", "eth0");
            vm.run("ip", "addr", "add", pair.node(node).replicationAddress() + "/24", "dev", "eth1");
            vm.run("ip", "link", "set", "eth0", "up");
            vm.run("ip", "link", "set", "eth1", "up");
            vm.run("mkdir", "-p", "/mnt/halab", mountPoint);
            vm.run("mount", "-t", "9p", "-o", "trans=virtio,version=9p2000.L,ro", "halab", LabShare.GUEST_MOUNT);
            vm.run("cp", LabShare.GUEST_MOUNT + "/lab/lab.sources", "/etc/chrony/sources.d/");
            vm.run("systemctl", "restart", "--no-block", "chrony.service");
            // hactl render's output for this node, as an operator would copy it (modes kept: authkeys is 0600)
            vm.run("cp", "-r", "--preserve=mode", LabShare.GUEST_MOUNT + "/" + vm.name() + "/etc/.", "/etc/");
            vm.run("drbdadm", "create-md", "--force", resource);
            vm.run("drbdadm", "up", resource);
        }
        Vm first = node(1);
        await("DRBD connected", Duration.ofMinutes(3),
                () -> first.exec(Duration.ofMinutes(1), "drbdadm", "cstate", resource)
                        .output().strip().equals("Connected"));
        // both disks are blank: declare them in sync instead of copying 64 MiB of zeros over the TCG link
        first.run("drbdadm", "--", "--clear-bitmap", "new-current-uuid", resource);
        first.run("drbdadm", "primary", resource);
        String device = pair.drbd().device();
        String volume = pair.logicalVolume().devicePath(pair.volumeGroup());
        first.run("pvcreate", "-ff", "-y", device);
        first.run("vgcreate", pair.volumeGroup(), device);
        first.run("lvcreate", "-y", "-n", pair.logicalVolume().name(), "-L", pair.logicalVolume().size(),
                pair.volumeGroup());
        first.run("mkfs." + pair.logicalVolume().filesystem(), "-q", volume);
        first.run("vgchange", "-an", pair.volumeGroup());
        first.run("drbdadm", "secondary", resource);
    }

    /** Starts Heartbeat on both nodes at once (each waits {@code initdead} for its peer). */
    public void startClusterStack() {
        for (Vm vm : nodes) {
            vm.run("systemctl", "start", "--no-block", "heartbeat.service");
        }
    }

    /**
     * Waits until both nodes' clocks are synchronised to the lab's NTP server (as a real pair's would be); false if
     * they are not within {@code timeout}.
     */
    public boolean awaitTimeSync(Duration timeout) {
        try {
            for (Vm vm : nodes) {
                // chronyc, not timedatectl: the minimal image has no D-Bus for timedated (the doctor and the agent
                // read chrony too)
                await(vm.name() + "'s clock synchronised", timeout, () -> chronySynchronised(
                        vm.exec(Duration.ofMinutes(1), "chronyc", "-c", "tracking").output()));
            }
            return true;
        } catch (LabException e) {
            return false;
        }
    }

    /** {@code chronyc -c tracking}: a reference other than none, and leap status Normal. */
    static boolean chronySynchronised(String tracking) {
        String[] fields = tracking.strip().split(",");
        return fields.length > 2 && !fields[0].equals("00000000") && fields[fields.length - 1].equals("Normal");
    }

    /** chrony's view on both nodes, for the report when the clocks did not synchronise. */
    public String timeDiagnostics() {
        StringBuilder text = new StringBuilder();
        for (Vm vm : nodes) {
            text.append("---- ").append(vm.name()).append(" ----\n")
                    .append(vm.exec(Duration.ofMinutes(1), "chronyc", "-n", "sources").output())
                    .append(vm.exec(Duration.ofMinutes(1), "systemctl", "status", "--no-pager", "chrony").output());
        }
        return text.toString();
    }

    /** {@code hactl doctor -i <inventory>} on node {@code node}, from this build's classes; exit status 0..3. */
    public GuestResult doctor(int node, String... extraArgs) {
        List<String> argv = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xshare:auto", "-Xmx128m", "-cp", share.guestClasspath(), "org.linuxrouter.hactl.Hactl",
                "doctor", "-i", share.guestInventory(pair)));
        argv.addAll(List.of(extraArgs));
        return node(node).exec(Duration.ofMinutes(3), argv.toArray(String[]::new));
    }

    /**
     * The health agent's report of node {@code node} ({@code ha-agent collect}: what its HTTPS API would answer),
     * parsed as CloudStack's side parses it.
     */
    public NodeReport agentReport(int node) {
        GuestResult collected = node(node).exec(Duration.ofMinutes(3), "java", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx128m", "-cp", share.guestClasspath(),
                "org.linuxrouter.haagent.Main", "--config", LabShare.GUEST_MOUNT + "/lab/ha-agent.conf", "collect");
        String output = collected.output();
        // the channel merges stderr into stdout: the report is the one JSON object in it
        int start = output.indexOf('{');
        int end = output.lastIndexOf('}');
        if (collected.exitCode() != 0 || start < 0 || end < start) {
            throw new LabException("ha-agent collect on " + node(node).name() + " exited " + collected.exitCode()
                    + ":\n" + output);
        }
        Reading<AgentReport> report = AgentReportCodec.decode(output.substring(start, end + 1));
        if (!report.known()) {
            throw new LabException("ha-agent's report from " + node(node).name() + " does not decode: "
                    + report.problem() + "\n" + output);
        }
        return NodeReports.from(report.value());
    }

    /** What ha-status makes of the two agents' reports and an NFS probe from the client. */
    public Verdict classify(NodeReport first, NodeReport second, boolean nfsAnswers) {
        PairSpec spec = PairSpec.newBuilder(PairSpec.Kind.NFS_EXPORT, pair.floatingIp())
                .mountPoint(pair.logicalVolume().mountPoint())
                .exports(List.of(new PairSpec.ExpectedExport(pair.exportPath(),
                        Optional.of(String.valueOf(pair.inventory().exports().get(0).fsid())))))
                .build();
        Probe nfs = new Probe("NFS on " + pair.floatingIp() + ":2049", Reading.of(nfsAnswers), HealthState.FAILED);
        return PairClassifier.classify(spec, first, second, List.of(nfs));
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new LabException("expected " + what + " within " + timeout + ", it did not happen");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabException("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Console tails of both nodes, for failure messages. */
    public String diagnostics() {
        StringBuilder text = new StringBuilder();
        for (Vm vm : nodes) {
            text.append("---- console of ").append(vm.name()).append(" ----\n").append(vm.consoleTail()).append('\n');
        }
        return text.toString();
    }

    @Override
    public void close() {
        for (Vm vm : nodes) {
            try {
                vm.close();
            } catch (RuntimeException e) {
                // keep tearing down: the namespace must go whatever happened to one VM
            }
        }
        network.close();
        if (!Boolean.getBoolean("halab.keep")) {
            VmImage.deleteTree(workDir);
        }
    }

    static Path createWorkDir() {
        try {
            return Files.createTempDirectory("halab-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the lab's work directory", e);
        }
    }
}
