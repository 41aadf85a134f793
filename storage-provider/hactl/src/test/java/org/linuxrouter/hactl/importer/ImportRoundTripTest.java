package org.linuxrouter.hactl.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.hactl.DoctorCommandAccess;
import org.linuxrouter.hactl.Fixtures;
import org.linuxrouter.hactl.doctor.RecordedRunner;
import org.linuxrouter.hactl.doctor.StorageNodeFixture;
import org.linuxrouter.hactl.files.Authkeys;
import org.linuxrouter.hactl.files.DrbdRes;
import org.linuxrouter.hactl.files.EtcExports;
import org.linuxrouter.hactl.files.HaCf;
import org.linuxrouter.hactl.files.Haresources;
import org.linuxrouter.hactl.inventory.LoadedInventory;
import org.linuxrouter.hactl.render.PairRenderer;
import org.linuxrouter.hactl.render.RenderedFile;
import picocli.CommandLine;

/**
 * The recipe's hand-made pairs (src/test/resources/recipe): imported with hactl import, re-rendered, the result
 * is the same setup — same DRBD hosts and addresses, same exports and fsids, same Heartbeat chain, links, timers
 * and key — and hactl doctor on the hand-made node reports the recipe's traps: async, md5, one path and, on the
 * management pair, no restart policy.
 */
class ImportRoundTripTest {

    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
    }

    private static Run hactl(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** The hand-made tree copied to a temp root, authkeys with the mode the recipe gives it. */
    private Path handMade(String which) throws IOException {
        Path src = Fixtures.MODULE.resolve("src/test/resources/recipe/" + which);
        Path root = tmp.resolve("root-" + which);
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path target = root.resolve(src.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        Files.setPosixFilePermissions(root.resolve("etc/ha.d/authkeys"), PosixFilePermissions.fromString("rw-------"));
        return root;
    }

    private LoadedInventory imported(Path root, String name, String... managementAddresses) {
        List<String> args = new ArrayList<>(List.of("import", "--root", root.toString(), "--name", name,
                "-o", tmp.resolve("inv-" + name + "/" + name + ".yaml").toString()));
        for (String m : managementAddresses) {
            args.add("--management-address");
            args.add(m);
        }
        Run run = hactl(org.linuxrouter.hactl.Hactl.commandLine(), args.toArray(String[]::new));
        assertEquals(0, run.status(), run.out() + run.err());
        return Fixtures.load(tmp.resolve("inv-" + name + "/" + name + ".yaml"));
    }

    private static String renderedText(List<RenderedFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().text();
    }

    @Test
    void theStoragePairImportsAndRendersTheSameSetup() throws Exception {
        Path root = handMade("storage");
        LoadedInventory inv = imported(root, "storage", "storage1=192.168.10.11", "storage2=192.168.10.12");
        List<RenderedFile> rendered = new PairRenderer().renderNode(inv, inv.inventory().node("storage1"));

        assertEquals(DrbdRes.parse("hand", Files.readString(root.resolve("etc/drbd.d/r0.res"))),
                DrbdRes.parse("rendered", renderedText(rendered, "etc/drbd.d/r0.res")));
        assertEquals(exports(Files.readString(root.resolve("etc/exports"))),
                exports(renderedText(rendered, "etc/exports")));

        Haresources.Group hand = Haresources.parse("hand", Files.readString(root.resolve("etc/ha.d/haresources"))).get(0);
        Haresources.Group again = Haresources.parse("rendered", renderedText(rendered, "etc/ha.d/haresources")).get(0);
        assertEquals(hand.preferredNode(), again.preferredNode());
        List<String> expected = new ArrayList<>();
        String floatingIp = null;
        for (Haresources.Resource r : hand.resources()) {
            if (r.script().equals("lvm2")) {
                expected.add("LVM::vg0"); // Debian 12 has no lvm2 init script
            } else if (r.script().startsWith("IPaddr")) { // IPaddr2, moved to the end of the chain
                floatingIp = "IPaddr2::" + String.join("::", r.args());
            } else if (!r.script().equals("nfs-common")) { // masked on Debian 12
                expected.add(r.toString());
            }
        }
        expected.add(floatingIp);
        assertEquals(expected, again.resources().stream().map(Haresources.Resource::toString).toList());

        HaCf handCf = HaCf.parse("hand", Files.readString(root.resolve("etc/ha.d/ha.cf")));
        HaCf againCf = HaCf.parse("rendered", renderedText(rendered, "etc/ha.d/ha.cf"));
        assertEquals(media(handCf), media(againCf));
        assertEquals(handCf.nodes(), againCf.nodes());
        for (String key : List.of("keepalive", "warntime", "deadtime", "initdead", "auto_failback", "autojoin",
                "logfile", "debugfile")) {
            assertEquals(handCf.setting(key), againCf.setting(key), key);
        }
        assertEquals(Authkeys.parse("hand", Files.readString(root.resolve("etc/ha.d/authkeys"))),
                Authkeys.parse("rendered", renderedText(rendered, "etc/ha.d/authkeys")));
    }

    @Test
    void theDoctorReportsTheRecipesTrapsOnTheHandMadeStorageNode() throws Exception {
        Path root = handMade("storage");
        imported(root, "storage", "storage1=192.168.10.11", "storage2=192.168.10.12");
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/modules"), "drbd 372736 4 - Live 0x0\n");
        Files.writeString(root.resolve("proc/drbd"), StorageNodeFixture.PROC_DRBD_HEALTHY_PRIMARY);
        RecordedRunner runner = new RecordedRunner()
                .answer("storage1\n", "uname", "-n")
                .answer(StorageNodeFixture.ipAddr("192.168.10.100", "eth0"), "ip", "-j", "addr")
                .answer("/srv/web      \t192.168.10.0/24(async,wdelay,hide,no_subtree_check,fsid=1,sec=sys,rw,"
                        + "secure,no_root_squash,no_all_squash)\n/srv/files    \t192.168.10.0/24(async,wdelay,hide,"
                        + "no_subtree_check,fsid=2,sec=sys,rw,secure,no_root_squash,no_all_squash)\n", "exportfs", "-v")
                .answer(StorageNodeFixture.TIMEDATECTL_SYNCED, "timedatectl", "show")
                .answer(StorageNodeFixture.CHRONY_NORMAL, "chronyc", "-c", "tracking");
        StorageNodeFixture.heartbeatSees(runner, "storage1", "storage2");

        Run run = hactl(DoctorCommandAccess.commandLine(runner), "doctor", "-i",
                tmp.resolve("inv-storage/storage.yaml").toString(), "--root", root.toString(), "--json");

        assertEquals(1, run.status(), run.out() + run.err());
        com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.out());
        assertEquals("WARNING", report.get("verdict").asText());
        List<String> warnings = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("severity").asText().equals("WARNING")) {
                warnings.add(f.get("check").asText() + ": " + f.get("message").asText());
            }
        });
        String all = String.join("\n", warnings);
        assertTrue(all.contains("exports: /etc/exports:2 /srv/web 192.168.10.0/24 is async"), all);
        assertTrue(all.contains("exports: /etc/exports:3 /srv/files 192.168.10.0/24 is async"), all);
        assertTrue(all.contains("exports: the kernel exports /srv/web async"), all);
        assertTrue(all.contains("cluster-auth: /etc/ha.d/authkeys uses md5"), all);
        assertTrue(all.contains("cluster-paths: 1 cluster communication path [bcast eth0]"), all);
    }

    @Test
    void theManagementPairImportsWithItsDatabaseAndTheDoctorMissesTheRestartPolicy() throws Exception {
        Path root = handMade("management");
        LoadedInventory inv = imported(root, "csdb", "mgmt1=192.168.20.11", "mgmt2=192.168.20.12");
        assertEquals("management", inv.inventory().kind());
        assertEquals("mariadb", inv.inventory().database().service());
        List<RenderedFile> rendered = new PairRenderer().renderNode(inv, inv.inventory().node("mgmt1"));

        Properties hand = new Properties();
        hand.load(new StringReader(Files.readString(root.resolve("etc/cloudstack/management/db.properties"))));
        Properties again = new Properties();
        again.load(new StringReader(renderedText(rendered, "etc/cloudstack/management/db.properties")));
        assertEquals(hand, again, "every key the hand-made db.properties had, with the same value");
        assertTrue(rendered.stream().anyMatch(f -> f.path().equals(
                "etc/systemd/system/cloudstack-management.service.d/hactl-restart.conf")));
        assertTrue(renderedText(rendered, "etc/ha.d/haresources").contains(
                "mgmt1 drbddisk::mysql LVM::vgdb "
                        + "Filesystem::/dev/vgdb/mysql::/var/lib/mysql::ext4::noatime mariadb"
                        + " IPaddr2::192.168.20.100/24/eth0\n"));

        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/modules"), "drbd 372736 4 - Live 0x0\n");
        Files.writeString(root.resolve("proc/drbd"), StorageNodeFixture.PROC_DRBD_HEALTHY_PRIMARY);
        RecordedRunner runner = new RecordedRunner()
                .answer("mgmt1\n", "uname", "-n")
                .answer(StorageNodeFixture.ipAddr("192.168.20.100", "eth0"), "ip", "-j", "addr")
                .answer(StorageNodeFixture.TIMEDATECTL_SYNCED, "timedatectl", "show");
        StorageNodeFixture.heartbeatSees(runner, "mgmt1", "mgmt2");
        Path wants = Files.createDirectories(root.resolve("etc/systemd/system/multi-user.target.wants"));
        Files.createSymbolicLink(wants.resolve("mariadb.service"), Path.of("/lib/systemd/system/mariadb.service"));
        Run run = hactl(DoctorCommandAccess.commandLine(runner), "doctor", "-i",
                tmp.resolve("inv-csdb/csdb.yaml").toString(), "--root", root.toString());
        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("restart-policy cloudstack-management has no Restart= policy: it exits 219 "
                + "when the database moves and stays down"), run.out());
        assertTrue(run.out().contains("cluster-auth   /etc/ha.d/authkeys uses md5"), run.out());
        assertTrue(run.out().contains("boot           mariadb.service is enabled at boot (multi-user.target.wants)"),
                run.out());
        assertTrue(run.out().contains("fix: systemctl disable mariadb (the cluster manager starts it)"), run.out());
    }

    @Test
    void aSetupHactlCannotRepresentIsRefusedWithTheReason() throws Exception {
        Path root = handMade("storage");
        Files.writeString(root.resolve("etc/ha.d/haresources"),
                "storage1 IPaddr::192.168.10.100/24/eth0 drbddisk::r0 Filesystem::/dev/drbd0::/srv::ext4 nfs-kernel-server\n");
        Run run = hactl(org.linuxrouter.hactl.Hactl.commandLine(), "import", "--root", root.toString(), "--name", "s",
                "--management-address", "storage1=192.168.10.11", "--management-address", "storage2=192.168.10.12",
                "-o", tmp.resolve("x/s.yaml").toString());
        assertEquals(65, run.status());
        assertTrue(run.err().contains("/dev/drbd0 is not an LVM logical volume"), run.err());
        assertTrue(Files.notExists(tmp.resolve("x/s.yaml")), "nothing written");
    }

    @Test
    void aMissingManagementAddressIsNamed() throws Exception {
        Path root = handMade("storage");
        Run run = hactl(org.linuxrouter.hactl.Hactl.commandLine(), "import", "--root", root.toString(), "--name", "s",
                "--management-address", "storage1=192.168.10.11", "-o", tmp.resolve("y/s.yaml").toString());
        assertEquals(65, run.status());
        assertTrue(run.err().contains("no management address for [storage2]"), run.err());
    }

    private static List<String> exports(String text) throws Exception {
        return EtcExports.parse("f", text).stream()
                .map(e -> e.path() + " " + e.clients() + " " + e.options() + " fsid=" + e.fsid() + " async=" + e.async())
                .toList();
    }

    private static List<String> media(HaCf cf) {
        return cf.media().stream().map(m -> m.type() + " " + m.args()).toList();
    }
}
