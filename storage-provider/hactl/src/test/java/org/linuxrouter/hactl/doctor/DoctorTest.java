package org.linuxrouter.hactl.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hactl doctor through its real command line, against real files under a temp root (rendered by hactl) and
 * recorded outputs of the live-state commands.
 */
class DoctorTest {

    @TempDir
    Path root;

    private static List<String> lines(String out, String severity) {
        List<String> found = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (l.startsWith("  " + severity + " ")) {
                found.add(l.strip());
            }
        }
        return found;
    }

    @Test
    void aHealthyPrimaryIsHealthy() throws IOException {
        StorageNodeFixture.Run run = new StorageNodeFixture(root).healthyPrimary().doctor();
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().startsWith("nfs1 (inventory nfs): HEALTHY\n"), run.out());
        assertTrue(run.out().contains("r0: 0 Primary/Secondary UpToDate/UpToDate Connected")
                || run.out().contains("Primary/Secondary UpToDate/UpToDate Connected"), run.out());
        assertTrue(run.out().contains("10.0.20.100 is on this node, the primary (eth1)"), run.out());
        assertEquals(12 - 1, lines(run.out(), "OK").size(), "one OK line per check (no restart-policy here): "
                + run.out());
    }

    @Test
    void aLostPeerIsDegraded() throws IOException {
        StorageNodeFixture f = new StorageNodeFixture(root).healthyPrimary();
        f.write("proc/drbd", StorageNodeFixture.PROC_DRBD_PEER_GONE);
        StorageNodeFixture.Run run = f.doctor();
        assertEquals(2, run.status(), run.out());
        assertTrue(run.out().startsWith("nfs1 (inventory nfs): DEGRADED\n"), run.out());
        assertEquals(1, lines(run.out(), "DEGRADED").size(), run.out());
        assertTrue(lines(run.out(), "DEGRADED").get(0).contains("the peer is not connected; no redundancy"), run.out());
    }

    @Test
    void aDeadPeerInHeartbeatIsDegraded() throws IOException {
        StorageNodeFixture f = new StorageNodeFixture(root).healthyPrimary();
        f.write("proc/drbd", StorageNodeFixture.PROC_DRBD_PEER_GONE);
        f.runner.answer("dead\n", "cl_status", "nodestatus", "nfs2");
        StorageNodeFixture.Run run = f.doctor();
        assertEquals(2, run.status(), run.out());
        List<String> degraded = lines(run.out(), "DEGRADED");
        assertEquals(2, degraded.size(), run.out());
        assertTrue(degraded.get(1).contains("cluster        heartbeat node nfs2 is dead"), run.out());
    }

    @Test
    void heartbeatStoppedIsDegradedWithTheFix() throws IOException {
        StorageNodeFixture f = new StorageNodeFixture(root).healthyPrimary();
        f.runner.answerWithStatus(1, "Heartbeat is stopped on this machine.\n", "cl_status", "hbstatus");
        StorageNodeFixture.Run run = f.doctor();
        assertEquals(2, run.status(), run.out());
        assertTrue(run.out().contains("heartbeat is not running on this node"), run.out());
        assertTrue(run.out().contains("fix: systemctl start heartbeat"), run.out());
    }

    @Test
    void aSecondaryHoldingTheFloatingIpIsFailed() throws IOException {
        StorageNodeFixture f = new StorageNodeFixture(root).healthyPrimary();
        f.write("proc/drbd", StorageNodeFixture.PROC_DRBD_SECONDARY);
        StorageNodeFixture.Run run = f.doctor("--json");
        assertEquals(3, run.status(), run.out());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals("FAILED", report.get("verdict").asText());
        assertEquals(3, report.get("exitCode").asInt());
        JsonNode first = report.get("findings").get(0);
        assertEquals("vip", first.get("check").asText());
        assertEquals("FAILED", first.get("severity").asText());
        assertEquals("this node is not primary but holds 10.0.20.100 on eth1", first.get("message").asText());
        assertTrue(first.get("fix").asText().startsWith("remove it (ip addr del 10.0.20.100/24 dev eth1)"));
    }

    @Test
    void theStaticTrapsAreFoundWithTheirFixes() throws IOException {
        StorageNodeFixture f = new StorageNodeFixture(root).healthyPrimary();
        Path authkeys = root.resolve("etc/ha.d/authkeys");
        Files.writeString(authkeys, "auth 3\n3 md5 Hello!\n");
        Files.setPosixFilePermissions(authkeys, PosixFilePermissions.fromString("rw-r--r--"));
        String exports = Files.readString(root.resolve("etc/exports"));
        f.write("etc/exports", exports.replace("no_subtree_check,sync,fsid=2", "no_subtree_check,async"));
        f.write("etc/ha.d/ha.cf", "bcast eth0\nnode nfs1\nnode nfs2\n");
        Files.createDirectories(root.resolve("etc/systemd/system/multi-user.target.wants"));
        Files.createSymbolicLink(root.resolve("etc/systemd/system/multi-user.target.wants/nfs-server.service"),
                Path.of("/lib/systemd/system/nfs-server.service"));
        f.runner.answer("Timezone=Etc/UTC\nNTPSynchronized=no\n", "timedatectl", "show")
                .answer("00000000,,0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,1.0,1.0,0.0,Not synchronised\n",
                        "chronyc", "-c", "tracking");

        StorageNodeFixture.Run run = f.doctor();

        assertEquals(3, run.status(), run.out());
        List<String> failed = lines(run.out(), "FAILED");
        assertEquals(1, failed.size(), run.out());
        assertTrue(failed.get(0).contains("/etc/ha.d/authkeys is readable by others (mode rw-r--r--)"), run.out());
        assertTrue(run.out().contains("fix: chmod 600 /etc/ha.d/authkeys"), run.out());
        String warnings = String.join("\n", lines(run.out(), "WARNING"));
        assertTrue(warnings.contains("/etc/ha.d/authkeys uses md5, the weakest HMAC heartbeat offers"), warnings);
        assertTrue(warnings.contains("/srv/nfs/files 10.0.20.0/24 has no fsid"), warnings);
        assertTrue(warnings.contains("/srv/nfs/files 10.0.20.0/24 is async"), warnings);
        assertTrue(warnings.contains("1 cluster communication path [bcast eth0]"), warnings);
        assertTrue(warnings.contains("nfs-server.service is enabled at boot (multi-user.target.wants)"), warnings);
        assertTrue(warnings.contains("the clock is not synchronised"), warnings);
        assertTrue(warnings.contains("/etc/ha.d/ha.cf differs from what the inventory renders"), warnings);
    }

    @Test
    void skippedChecksDoNotRunAndUnknownNamesAreAUsageError() throws IOException {
        StorageNodeFixture f = new StorageNodeFixture(root).healthyPrimary();
        f.write("proc/drbd", StorageNodeFixture.PROC_DRBD_PEER_GONE);
        StorageNodeFixture.Run run = f.doctor("--skip", "drbd,time");
        assertEquals(0, run.status(), run.out());
        assertTrue(!run.out().contains(String.format("%-14s", "drbd")) && !run.out().contains(" time  "), run.out());
        assertTrue(run.out().contains(" drbd-module "), run.out());
        assertEquals(64, f.doctor("--skip", "drdb").status());
    }

    @Test
    void aHostNotInTheInventoryIsRefusedUnlessNamed() throws IOException {
        StorageNodeFixture f = new StorageNodeFixture(root).healthyPrimary();
        f.runner.answer("storage7\n", "uname", "-n");
        StorageNodeFixture.Run unnamed = f.doctor();
        assertEquals(64, unnamed.status());
        assertTrue(unnamed.err().contains("this node ('storage7') is not in inventory 'nfs'"), unnamed.err());
        StorageNodeFixture.Run named = f.doctor("--node", "nfs1");
        assertEquals(3, named.status(), named.out());
        assertTrue(named.out().contains("uname -n is 'storage7' but the inventory calls this node 'nfs1'"),
                named.out());
    }

    @Test
    void events2NamesTheResourceWhenAvailable() throws IOException {
        StorageNodeFixture f = new StorageNodeFixture(root).healthyPrimary();
        f.runner.answer("exists resource name:r0 role:Primary suspended:no\n"
                + "exists connection name:r0 peer-node-id:0 conn-name:peer connection:Connected role:Secondary\n"
                + "exists device name:r0 volume:0 minor:0 disk:UpToDate\n"
                + "exists peer-device name:r0 peer-node-id:0 conn-name:peer volume:0 replication:Established "
                + "peer-disk:UpToDate resync-suspended:no\n"
                + "exists -\n", "drbdsetup", "events2", "--now");
        StorageNodeFixture.Run run = f.doctor();
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().contains("r0: r0/0 Primary/Secondary UpToDate/UpToDate Connected"), run.out());
    }
}
