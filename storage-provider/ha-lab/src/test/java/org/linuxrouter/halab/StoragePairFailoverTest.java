package org.linuxrouter.halab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.linuxrouter.ha.status.health.HealthState;
import org.linuxrouter.ha.status.health.NodeReport;
import org.linuxrouter.ha.status.health.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The real failover: two Debian 12 VMs (QEMU TCG) with DRBD protocol C, LVM, ext4, a {@code sync} NFS export with
 * {@code fsid} and Heartbeat moving the floating IP; an NFS client in the lab namespace writes files with
 * {@code FILE_SYNC}, the primary loses power, and every acknowledged file must be intact on the survivor.
 */
@Tag("qemu")
class StoragePairFailoverTest {

    private static final Duration NFS_TIMEOUT = Duration.ofSeconds(2);

    @Test
    void everyAcknowledgedWriteSurvivesThePrimarysPowerLoss() throws Exception {
        Instant begin = Instant.now();
        VmImage image = VmImage.ensure(Path.of(System.getProperty("halab.image.dir", "image")),
                VmImage.defaultCacheRoot());
        Instant imageReady = Instant.now();
        PairInventory inventory = PairInventory.load(
                Path.of(StoragePairFailoverTest.class.getResource("lab-pair.yaml").toURI()));
        Path work = StoragePair.createWorkDir();
        LabShare share = LabShare.create(work.resolve("share"), inventory);
        String netns = "halab-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        try (StoragePair pair = StoragePair.boot(inventory, image, netns, work, share);
             NetnsExecutor writerThread = new NetnsExecutor(netns);
             NetnsExecutor probeThread = new NetnsExecutor(netns);
             NetnsExecutor ntpThread = new NetnsExecutor(netns);
             NtpServer ntp = ntpThread.call(() -> new NtpServer(LabNetwork.CLIENT_ADDRESS))) {
            ntpThread.submit(ntp);
            Instant booted = Instant.now();
            Nfs3Client client = new Nfs3Client(InetAddress.getByName(inventory.floatingIp()), NFS_TIMEOUT);
            byte[] root;
            try {
                pair.provision();
                pair.startClusterStack();
                StoragePair.await("the export to answer on the floating IP", Duration.ofMinutes(6),
                        () -> probeThread.call(() -> answers(client)));
                root = probeThread.call(() -> client.mount(inventory.exportPath()));
            } catch (RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + pair.diagnostics(), e);
            }
            Instant serving = Instant.now();
            // KNOWN GAP: chrony on the nodes has not yet been seen to synchronise to the lab's NtpServer under TCG.
            // Until it does, the doctor skips its time check and the agents' clock findings are set aside; both
            // are reported, so the gap stays visible.
            boolean clocksSynced = pair.awaitTimeSync(Duration.ofSeconds(90));
            String timeNote = clocksSynced ? "clocks synchronised" : "clocks NOT synchronised:\n"
                    + pair.timeDiagnostics();
            System.out.println("[ha-lab] " + timeNote);
            String[] doctorArgs = clocksSynced ? new String[0] : new String[] {"--skip", "time"};
            // each node runs its doctor and its agent's collector (a JVM start each under TCG) while the other does
            CompletableFuture<NodeCheck> first = CompletableFuture.supplyAsync(() -> NodeCheck.of(pair, 1, doctorArgs));
            NodeCheck second = NodeCheck.of(pair, 2, doctorArgs);
            NodeCheck one = first.get(5, TimeUnit.MINUTES);
            for (NodeCheck check : List.of(one, second)) {
                assertEquals(0, check.doctor().exitCode(), "hactl doctor on " + check.name()
                        + " before the failover: expected HEALTHY (0)\n" + check.doctor().output());
            }
            Verdict before = pair.classify(one.agent(), second.agent(), true);
            if (clocksSynced) {
                assertEquals(HealthState.HEALTHY, before.state(), "the health agents before the failover: "
                        + before.summary());
            } else {
                assertEquals(List.of(), withoutClockFindings(before), "the health agents before the failover, "
                        + "clock findings set aside: " + before.summary());
            }
            Instant checked = Instant.now();

            AcknowledgedWrites writes = new AcknowledgedWrites(client, root);
            Future<?> writing = writerThread.submit(writes);
            StoragePair.await("10 acknowledged writes before the failover", Duration.ofMinutes(1),
                    () -> writes.acknowledgedCount() >= 10);

            Instant powerLoss = Instant.now();
            pair.node(1).powerOff();
            Instant answered = probeThread.call(() -> firstAnswer(client, Duration.ofMinutes(2)));
            StoragePair.await("10 acknowledged writes after the failover", Duration.ofMinutes(2),
                    () -> writes.acknowledgedSince(powerLoss) >= 10);
            writes.stop();
            writing.get(30, TimeUnit.SECONDS);
            Instant firstWriteAfter = writes.attempts().stream()
                    .filter(a -> a.isAcknowledged() && a.started().isAfter(powerLoss))
                    .map(AcknowledgedWrites.Attempt::acknowledged).min(Instant::compareTo).orElseThrow();

            List<AcknowledgedWrites.Attempt> acknowledged = writes.attempts().stream()
                    .filter(AcknowledgedWrites.Attempt::isAcknowledged).toList();
            int lost = 0;
            for (AcknowledgedWrites.Attempt attempt : acknowledged) {
                byte[] read = probeThread.call(() -> client.readFile(root, attempt.name(), 65536));
                if (read == null || !java.util.Arrays.equals(attempt.content(), read)) {
                    lost++;
                }
            }
            GuestResult doctorAfter = pair.doctor(2, doctorArgs);
            assertEquals(2, doctorAfter.exitCode(), "hactl doctor on the survivor after the failover: expected"
                    + " DEGRADED (2)\n" + doctorAfter.output());
            assertTrue(doctorAfter.output().contains("DEGRADED"), doctorAfter.output());
            Verdict after = pair.classify(NodeReport.unreachable(pair.node(1).name(), "powered off"),
                    pair.agentReport(2), probeThread.call(() -> answers(client)));
            assertEquals(HealthState.DEGRADED, after.state(), "the health agents after the failover: "
                    + after.summary());
            assertTrue(!withoutClockFindings(after).isEmpty(), "DEGRADED for the lost node, not only the clocks: "
                    + after.summary());
            String report = String.format("image %d s, boot %d s, provision+cluster start %d s, doctor+agent x2 %d s, "
                            + "export answered %.1f s after power loss, first acknowledged write %.1f s after, "
                            + "%d acknowledged writes (%d attempted), %d lost, whole test %d s, %s%n",
                    Duration.between(begin, imageReady).toSeconds(), Duration.between(imageReady, booted).toSeconds(),
                    Duration.between(booted, serving).toSeconds(), Duration.between(serving, checked).toSeconds(),
                    Duration.between(powerLoss, answered).toMillis() / 1000.0,
                    Duration.between(powerLoss, firstWriteAfter).toMillis() / 1000.0,
                    acknowledged.size(), writes.attempts().size(), lost,
                    Duration.between(begin, Instant.now()).toSeconds(),
                    clocksSynced ? "clocks synchronised" : "clocks not synchronised (doctor --skip time)");
            System.out.print("[ha-lab] " + report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "ha-lab-failover.txt"), report);
            assertEquals(0, lost, "acknowledged writes lost in the failover\n" + report);
            assertTrue(Duration.between(powerLoss, firstWriteAfter).compareTo(Duration.ofSeconds(60)) <= 0,
                    report);
        }
    }

    /** What one node says about itself: {@code hactl doctor} and the health agent's report. */
    private record NodeCheck(String name, GuestResult doctor, NodeReport agent) {
        static NodeCheck of(StoragePair pair, int node, String... doctorArgs) {
            return new NodeCheck(pair.node(node).name(), pair.doctor(node, doctorArgs), pair.agentReport(node));
        }
    }

    private static List<String> withoutClockFindings(Verdict verdict) {
        return verdict.reasons().stream()
                .filter(r -> !r.contains("clock not synchronised") && !r.contains("time sync unknown")).toList();
    }

    private static boolean answers(Nfs3Client client) {
        try {
            client.ping();
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static Instant firstAnswer(Nfs3Client client, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (answers(client)) {
                return Instant.now();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the export did not answer on the floating IP within " + timeout
                + " of the power loss");
    }
}
