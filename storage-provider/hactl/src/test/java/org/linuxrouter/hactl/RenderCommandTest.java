package org.linuxrouter.hactl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hactl render through its command line: both targets, the second run changes nothing, async warns. */
class RenderCommandTest {

    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
    }

    private static Run hactl(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Hactl.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void renderingTwiceChangesNothingTheSecondTime() {
        String inv = Fixtures.STORAGE_EXAMPLE.toString();
        Run first = hactl("render", "-i", inv, "-o", tmp.toString());
        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().contains("nfs1: created /etc/ha.d/authkeys"), first.out());
        assertTrue(first.out().contains("nfs2: 6 of 6 files changed"), first.out());
        Run second = hactl("render", "-i", inv, "-o", tmp.toString());
        assertEquals("nfs1: 0 of 6 files changed\nnfs2: 0 of 6 files changed\n", second.out());
    }

    @Test
    void oneNodeRendersIntoARoot() {
        Run run = hactl("render", "-i", Fixtures.STORAGE_EXAMPLE.toString(), "--node", "nfs2", "--root",
                tmp.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(Files.exists(tmp.resolve("etc/ha.d/ha.cf")));
        assertTrue(Files.notExists(tmp.resolve("nfs2")), "no per-host directory with --root");
        assertEquals(64, hactl("render", "-i", Fixtures.STORAGE_EXAMPLE.toString(), "--node", "nfs3", "--root",
                tmp.toString()).status());
        assertEquals(64, hactl("render", "-i", Fixtures.STORAGE_EXAMPLE.toString(), "-o", tmp.toString(),
                "--node", "nfs1", "--root", tmp.toString()).status(), "--out and --node exclude each other");
    }

    @Test
    void asyncExportsAreRenderedOnlyWhenAskedAndWarnedAbout() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("inv"));
        Files.copy(Fixtures.STORAGE_EXAMPLE.resolveSibling("cluster.secret"), dir.resolve("cluster.secret"));
        Path inv = Files.writeString(dir.resolve("inv.yaml"), Files.readString(Fixtures.STORAGE_EXAMPLE)
                .replace("    async: false ", "    async: true "));
        Run run = hactl("render", "-i", inv.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().startsWith("warning: exports[0].async: async: the server acknowledges writes"), run.err());
        String exports = Files.readString(tmp.resolve("out/nfs1/etc/exports"));
        assertTrue(exports.contains("/srv/nfs/web 10.0.20.0/24(rw,no_root_squash,no_subtree_check,async,fsid=1)"),
                exports);
        assertTrue(exports.contains("/srv/nfs/files 10.0.20.0/24(rw,no_root_squash,no_subtree_check,sync,fsid=2)"),
                exports);
    }

    @Test
    void anInvalidInventoryWritesNothingAndNamesTheField() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Files.copy(Fixtures.STORAGE_EXAMPLE.resolveSibling("cluster.secret"), dir.resolve("cluster.secret"));
        Path inv = Files.writeString(dir.resolve("inv.yaml"), Files.readString(Fixtures.STORAGE_EXAMPLE)
                .replace("port: 7788", "port: 77880"));
        Run run = hactl("render", "-i", inv.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(65, run.status());
        assertTrue(run.err().contains("drbd[0].port: required, 1..65535"), run.err());
        assertTrue(Files.notExists(tmp.resolve("out")));
    }
}
