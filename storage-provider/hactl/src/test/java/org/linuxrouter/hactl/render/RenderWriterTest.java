package org.linuxrouter.hactl.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.hactl.Fixtures;
import org.linuxrouter.hactl.inventory.LoadedInventory;

class RenderWriterTest {

    @TempDir
    Path root;

    private final LoadedInventory storage = Fixtures.load(Fixtures.STORAGE_EXAMPLE);
    private final List<RenderedFile> files =
            new PairRenderer().renderNode(storage, storage.inventory().nodes().get(0));

    @Test
    void reRenderingUnchangedInputWritesNothing() throws IOException {
        List<RenderWriter.Written> first = new RenderWriter().write(root, files);
        assertTrue(first.stream().allMatch(w -> w.outcome() == RenderWriter.Outcome.CREATED), first.toString());
        Path haCf = root.resolve("etc/ha.d/ha.cf");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(haCf, old);

        List<RenderWriter.Written> second = new RenderWriter().write(root, files);

        assertTrue(second.stream().allMatch(w -> w.outcome() == RenderWriter.Outcome.UNCHANGED), second.toString());
        assertEquals(old, Files.getLastModifiedTime(haCf), "an unchanged file is not even rewritten");
        try (var listing = Files.list(root.resolve("etc/ha.d"))) {
            assertEquals(3, listing.count(), "no temp files left behind");
        }
    }

    @Test
    void authkeysIsWrittenWithMode600() throws IOException {
        new RenderWriter().write(root, files);
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root.resolve("etc/ha.d/authkeys"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root.resolve("etc/ha.d/ha.cf"))));
    }

    @Test
    void aHandEditedFileOrAWrongModeIsPutBack() throws IOException {
        new RenderWriter().write(root, files);
        Path exports = root.resolve("etc/exports");
        String rendered = Files.readString(exports);
        Files.writeString(exports, rendered.replace("sync", "async"));
        Path authkeys = root.resolve("etc/ha.d/authkeys");
        Files.setPosixFilePermissions(authkeys, PosixFilePermissions.fromString("rw-r--r--"));

        List<RenderWriter.Written> again = new RenderWriter().write(root, files);

        assertEquals(List.of("etc/exports", "etc/ha.d/authkeys"), again.stream()
                .filter(w -> w.outcome() == RenderWriter.Outcome.UPDATED).map(RenderWriter.Written::path).toList());
        assertEquals(rendered, Files.readString(exports));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(authkeys)));
    }

    @Test
    void aSymlinkInPlaceOfAFileIsRefused() throws IOException {
        Path elsewhere = Files.writeString(root.resolve("elsewhere"), "keep me");
        Files.createDirectories(root.resolve("etc"));
        Files.createSymbolicLink(root.resolve("etc/exports"), elsewhere);

        assertThrows(IOException.class, () -> new RenderWriter().write(root, files));
        assertEquals("keep me", Files.readString(elsewhere));
        assertTrue(Files.notExists(root.resolve("etc/drbd.d")), "nothing written before the refusal");
    }
}
