package org.linuxrouter.ha.status.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.Samples;
import org.linuxrouter.ha.status.cluster.CrmMonParser;
import org.linuxrouter.ha.status.drbd.ProcDrbdParser;
import org.linuxrouter.ha.status.node.ExportfsParser;
import org.linuxrouter.ha.status.node.FindmntParser;
import org.linuxrouter.ha.status.node.IpAddrParser;
import org.linuxrouter.ha.status.node.NfsdThreadsParser;
import org.linuxrouter.ha.status.node.TimeSyncParser;

class PairClassifierTest {
    private static final String VIP = "10.20.0.10";
    private static final String EXPORT_LINE =
            "/srv/nfs      \t10.20.0.0/24(sync,wdelay,hide,no_subtree_check,fsid=1,sec=sys,rw,secure,no_root_squash,no_all_squash)\n";
    private static final String NO_DATA_MOUNT =
            "{\"filesystems\":[{\"target\":\"/\",\"source\":\"/dev/vda1\",\"fstype\":\"ext4\",\"options\":\"rw\"}]}";
    private static final PairSpec NFS = PairSpec.newBuilder(PairSpec.Kind.NFS_EXPORT, VIP).mountPoint("/srv/nfs")
            .exports(List.of(new PairSpec.ExpectedExport("/srv/nfs", Optional.of("1")))).build();
    private static final Probe NFS_ANSWERS = new Probe("NFS on " + VIP + ":2049", Reading.of(true), HealthState.FAILED);

    /** The node holding the VIP and serving, its DRBD state from a /proc/drbd sample. */
    private static NodeReport.Builder active(String name, String procDrbd) {
        return NodeReport.newBuilder(name)
                .drbd(ProcDrbdParser.parse(Samples.read("proc-drbd/" + procDrbd)))
                .addresses(IpAddrParser.parse(Samples.read("node/ip-addr-vip.json")))
                .mounts(FindmntParser.parse(Samples.read("node/findmnt.json")))
                .nfsdThreads(NfsdThreadsParser.parse("8\n"))
                .exports(ExportfsParser.parse(EXPORT_LINE))
                .time(TimeSyncParser.parseChronyTracking(Samples.read("node/chronyc-tracking-normal.csv")));
    }

    private static NodeReport.Builder standby(String name, String procDrbd) {
        return NodeReport.newBuilder(name)
                .drbd(ProcDrbdParser.parse(Samples.read("proc-drbd/" + procDrbd)))
                .addresses(IpAddrParser.parse(Samples.read("node/ip-addr-novip.json")))
                .mounts(FindmntParser.parse(NO_DATA_MOUNT))
                .nfsdThreads(NfsdThreadsParser.parse("0\n"))
                .exports(ExportfsParser.parse(""))
                .time(TimeSyncParser.parseTimedatectl(Samples.read("node/timedatectl-synced.txt")));
    }

    private static Verdict classify(NodeReport.Builder a, NodeReport.Builder b) {
        return PairClassifier.classify(NFS, a.build(), b.build(), List.of(NFS_ANSWERS));
    }

    private static void assertReason(Verdict v, String fragment) {
        assertTrue(v.reasons().stream().anyMatch(r -> r.contains(fragment)), "no reason with '" + fragment + "' in " + v);
    }

    @Test
    void healthyPair() {
        Verdict v = classify(active("a", "connected-primary.txt"), standby("b", "connected-secondary.txt"));
        assertEquals(new Verdict(HealthState.HEALTHY, List.of()), v);
    }

    @Test
    void peerDownIsDegraded() {
        Verdict v = PairClassifier.classify(NFS, active("a", "wfconnection-primary.txt").build(),
                NodeReport.unreachable("b", "connect timed out"), List.of(NFS_ANSWERS));
        assertEquals(HealthState.DEGRADED, v.state(), v.summary());
        assertReason(v, "b is down");
        assertReason(v, "a: DRBD minor 0 Connecting: peer not connected");
    }

    @Test
    void unreachableAgentWithDrbdStillConnectedIsUnknown() {
        Verdict v = PairClassifier.classify(NFS, active("a", "connected-primary.txt").build(),
                NodeReport.unreachable("b", "connection refused"), List.of(NFS_ANSWERS));
        assertEquals(HealthState.UNKNOWN, v.state(), v.summary());
        assertReason(v, "b: agent does not answer (connection refused)");
    }

    @Test
    void bothUnreachableIsUnknown() {
        Verdict v = PairClassifier.classify(NFS, NodeReport.unreachable("a", "timeout"),
                NodeReport.unreachable("b", "timeout"), List.of(new Probe("NFS", Reading.unknown("not probed"), HealthState.FAILED)));
        assertEquals(HealthState.UNKNOWN, v.state(), v.summary());
    }

    @Test
    void resyncIsDegradedWithProgress() {
        Verdict v = classify(active("a", "syncsource.txt"), standby("b", "synctarget.txt"));
        assertEquals(HealthState.DEGRADED, v.state(), v.summary());
        assertReason(v, "a: DRBD minor 0 resync SyncSource 6.3% done, about 0:02:43 left");
        assertReason(v, "b: DRBD minor 0 resync SyncTarget");
    }

    @Test
    void splitBrainStandAloneIsFailed() {
        Verdict v = classify(active("a", "standalone-primary.txt"), standby("b", "standalone-secondary.txt"));
        assertEquals(HealthState.FAILED, v.state(), v.summary());
        assertReason(v, "a: DRBD minor 0 StandAlone (split brain");
        assertReason(v, "b: DRBD minor 0 StandAlone");
    }

    @Test
    void twoPrimariesIsFailed() {
        Verdict v = classify(active("a", "standalone-primary.txt"), standby("b", "standalone-primary.txt"));
        assertEquals(HealthState.FAILED, v.state());
        assertReason(v, "two Primaries");
    }

    @Test
    void disklessPrimaryIsDegraded() {
        Verdict v = classify(active("a", "diskless-primary.txt"), standby("b", "connected-secondary.txt"));
        assertEquals(HealthState.DEGRADED, v.state(), v.summary());
        assertReason(v, "Primary is Diskless");
    }

    @Test
    void outdatedSecondaryIsDegraded() {
        Verdict v = classify(active("a", "connected-primary.txt"), standby("b", "outdated-secondary.txt"));
        assertEquals(HealthState.DEGRADED, v.state(), v.summary());
        assertReason(v, "b: DRBD minor 0 local disk Outdated");
    }

    @Test
    void suspendedIoIsFailed() {
        Verdict v = PairClassifier.classify(NFS, active("a", "suspended-primary.txt").build(),
                NodeReport.unreachable("b", "timeout"), List.of(NFS_ANSWERS));
        assertEquals(HealthState.FAILED, v.state());
        assertReason(v, "I/O suspended");
    }

    @Test
    void noPrimaryIsFailed() {
        Verdict v = classify(standby("a", "connected-secondary.txt"), standby("b", "connected-secondary.txt"));
        assertEquals(HealthState.FAILED, v.state());
        assertReason(v, "no Primary");
        assertReason(v, "floating IP 10.20.0.10 is on neither node");
    }

    @Test
    void malformedStatusOnOneNodeIsUnknownWithTheReason() {
        Verdict v = classify(active("a", "connected-primary.txt"),
                standby("b", "connected-secondary.txt").drbd(ProcDrbdParser.parse(Samples.read("proc-drbd/truncated-state.txt"))));
        assertEquals(HealthState.UNKNOWN, v.state(), v.summary());
        assertReason(v, "b: DRBD state unknown (/proc/drbd: minor 0: state line truncated");
    }

    @Test
    void vipOnBothNodesIsFailed() {
        Verdict v = classify(active("a", "connected-primary.txt"),
                standby("b", "connected-secondary.txt").addresses(IpAddrParser.parse(Samples.read("node/ip-addr-vip.json"))));
        assertEquals(HealthState.FAILED, v.state());
        assertReason(v, "is on both nodes");
        assertReason(v, "b holds the floating IP but is not DRBD Primary");
    }

    @Test
    void chainPartlyStartedIsFailed() {
        Verdict v = classify(active("a", "connected-primary.txt").nfsdThreads(NfsdThreadsParser.parse("0"))
                .exports(ExportfsParser.parse("")), standby("b", "connected-secondary.txt"));
        assertEquals(HealthState.FAILED, v.state());
        assertReason(v, "a: NFS server not running (0 nfsd threads)");
        assertReason(v, "a: filesystem mounted but nothing exported");
        assertReason(v, "a: export /srv/nfs missing");
    }

    @Test
    void notMountedIsFailed() {
        Verdict v = classify(active("a", "connected-primary.txt").mounts(FindmntParser.parse(NO_DATA_MOUNT)),
                standby("b", "connected-secondary.txt"));
        assertReason(v, "a: /srv/nfs is not mounted");
        assertEquals(HealthState.FAILED, v.state());
    }

    @Test
    void exportWithoutFsidIsDegraded() {
        Verdict v = classify(active("a", "connected-primary.txt").exports(ExportfsParser.parse(Samples.read("node/exportfs-v.txt"))),
                standby("b", "connected-secondary.txt"));
        assertEquals(HealthState.DEGRADED, v.state(), v.summary());
        assertReason(v, "a: export /srv/nfs/scratch has no fsid: clients get ESTALE after failover");
    }

    @Test
    void nfsNotAnsweringIsFailed() {
        Verdict v = PairClassifier.classify(NFS, active("a", "connected-primary.txt").build(),
                standby("b", "connected-secondary.txt").build(),
                List.of(new Probe("NFS on 10.20.0.10:2049", Reading.of(false), HealthState.FAILED)));
        assertEquals(new Verdict(HealthState.FAILED, List.of("NFS on 10.20.0.10:2049: no answer")), v);
    }

    @Test
    void timeProblemsAreDegraded() {
        Verdict v = classify(active("a", "connected-primary.txt")
                        .time(TimeSyncParser.parseChronyTracking(Samples.read("node/chronyc-tracking-leap.csv"))),
                standby("b", "connected-secondary.txt")
                        .time(TimeSyncParser.parseTimedatectl(Samples.read("node/timedatectl-unsynced.txt"))));
        assertEquals(HealthState.DEGRADED, v.state(), v.summary());
        assertReason(v, "a: clock 1.250 s off (limit 0.500 s)");
        assertReason(v, "a: leap second pending (Insert second)");
        assertReason(v, "b: clock not synchronised (timedatectl)");
    }

    @Test
    void pacemakerProblemsAreDegradedAndReportedOnce() {
        Reading<org.linuxrouter.ha.status.cluster.ClusterStatus> c =
                CrmMonParser.parse(Samples.read("crm-mon/peer-offline-failed-action.xml"));
        Verdict v = classify(active("a", "connected-primary.txt").cluster(c), standby("b", "connected-secondary.txt").cluster(c));
        assertEquals(HealthState.DEGRADED, v.state(), v.summary());
        assertEquals(3, v.reasons().size(), v.summary());
        assertReason(v, "pacemaker: resource p_nfsserver failed");
    }

    @Test
    void databasePair() {
        PairSpec db = PairSpec.newBuilder(PairSpec.Kind.DATABASE, VIP).mountPoint("/srv/nfs").build();
        NodeReport a = active("a", "connected-primary.txt").databaseRunning(Reading.of(true)).build();
        NodeReport b = standby("b", "connected-secondary.txt").databaseRunning(Reading.of(false)).build();
        Probe ms2 = new Probe("management server b:8250", Reading.of(false), HealthState.DEGRADED);
        assertEquals(new Verdict(HealthState.DEGRADED, List.of("management server b:8250: no answer")),
                PairClassifier.classify(db, a, b, List.of(ms2)));
        NodeReport aDown = active("a", "connected-primary.txt").databaseRunning(Reading.of(false)).build();
        NodeReport bUp = standby("b", "connected-secondary.txt").databaseRunning(Reading.of(true)).build();
        Verdict v = PairClassifier.classify(db, aDown, bUp, List.of());
        assertReason(v, "a holds the floating IP but the database is not running");
        assertReason(v, "b runs the database without the floating IP");
    }

    @Test
    void samePairNodeTwiceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> classify(active("a", "connected-primary.txt"),
                standby("a", "connected-secondary.txt")));
    }
}
