package org.linuxrouter.hactl.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.hactl.DoctorCommandAccess;
import org.linuxrouter.hactl.Fixtures;
import org.linuxrouter.hactl.inventory.LoadedInventory;
import org.linuxrouter.hactl.render.PairRenderer;
import org.linuxrouter.hactl.render.RenderWriter;
import picocli.CommandLine;

/** The doctor on a Pacemaker node: crm_mon's view, corosync's links and key instead of Heartbeat's files. */
class PacemakerDoctorTest {

    @TempDir
    Path root;

    private int doctor(RecordedRunner runner, StringWriter out) {
        CommandLine cli = DoctorCommandAccess.commandLine(runner);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        return cli.execute("doctor", "-i", Fixtures.STORAGE_PACEMAKER_9.toString(), "--root", root.toString(),
                "--skip", "drbd-module");
    }

    private RecordedRunner lab1(String crmMon) throws IOException {
        LoadedInventory inv = Fixtures.load(Fixtures.STORAGE_PACEMAKER_9);
        new RenderWriter().write(root, new PairRenderer().renderNode(inv, inv.inventory().node("lab1")));
        return new RecordedRunner()
                .answer("lab1\n", "uname", "-n")
                .answer("exists resource name:r0 role:Secondary suspended:no\n"
                        + "exists connection name:r0 peer-node-id:1 conn-name:lab2 connection:Connected role:Primary\n"
                        + "exists device name:r0 volume:0 minor:0 disk:UpToDate\n"
                        + "exists peer-device name:r0 peer-node-id:1 conn-name:lab2 volume:0 replication:Established "
                        + "peer-disk:UpToDate resync-suspended:no\nexists -\n", "drbdsetup", "events2", "--now")
                .answer(StorageNodeFixture.ipAddr(null, "ens4"), "ip", "-j", "addr")
                .answer(StorageNodeFixture.TIMEDATECTL_SYNCED, "timedatectl", "show")
                .answer(crmMon, "crm_mon", "-1", "--output-as=xml");
    }

    @Test
    void aHealthySecondaryIsHealthy() throws IOException {
        StringWriter out = new StringWriter();
        int status = doctor(lab1(Files.readString(Fixtures.MODULE.resolve("src/test/resources/live/crm-mon-healthy.xml"))), out);
        assertEquals(0, status, out.toString());
        assertTrue(out.toString().contains("pacemaker runs and sees 2 nodes online"), out.toString());
        assertTrue(out.toString().contains("2 cluster communication paths [link 0, link 1]"), out.toString());
        assertTrue(out.toString().contains("corosync is encrypted and its authkey readable by root only"), out.toString());
        assertTrue(out.toString().contains("10.97.0.100 is not on this node (secondary)"), out.toString());
    }

    @Test
    void anOfflinePeerInPacemakerIsDegraded() throws IOException {
        StringWriter out = new StringWriter();
        int status = doctor(lab1(Files.readString(
                Fixtures.MODULE.resolve("src/test/resources/live/crm-mon-peer-offline.xml"))), out);
        assertEquals(2, status, out.toString());
        assertTrue(out.toString().contains("DEGRADED cluster        pacemaker node"), out.toString());
    }
}
