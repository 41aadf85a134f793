package org.linuxrouter.testkit.uml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountTableTest {

    private static final MountTable DOCKER_LIKE = MountTable.parse(String.join("\n",
            "27 1 0:25 / / rw,relatime - overlay overlay rw",
            "24 27 0:6 / /dev rw,nosuid - tmpfs tmpfs rw",
            "25 24 0:23 / /dev/shm rw,nosuid,nodev,noexec,relatime - tmpfs shm rw,size=65536k",
            "31 27 0:40 / /mnt/with\\040space rw,noexec - tmpfs tmpfs rw",
            ""));

    @Test
    void theMountThatHoldsADirectoryDecides() {
        assertFalse(DOCKER_LIKE.allowsExec(Path.of("/dev/shm")));
        assertFalse(DOCKER_LIKE.allowsExec(Path.of("/dev/shm/sub")));
        assertTrue(DOCKER_LIKE.allowsExec(Path.of("/dev")));
        assertTrue(DOCKER_LIKE.allowsExec(Path.of("/tmp/lrlab-1")));
        assertFalse(DOCKER_LIKE.allowsExec(Path.of("/mnt/with space/x")));
    }

    @Test
    void aNoexecTmpDirIsRefusedWithTheReason(@TempDir Path dir) {
        Optional<String> problem = UmlTmpDir.problem(dir, MemorySize.of("64M"),
                MountTable.parse("1 0 0:1 / " + dir + " rw,noexec - tmpfs tmpfs rw"));
        assertEquals(Optional.of("mounted noexec"), problem);
        UmlException e = assertThrows(UmlException.class, () -> UmlTmpDir.choose(Optional.of(dir),
                dir, MemorySize.of("64M"), MountTable.parse("1 0 0:1 / " + dir + " rw,noexec - tmpfs tmpfs rw")));
        assertTrue(e.getMessage().contains(dir + ": mounted noexec"), e.getMessage());
    }

    @Test
    void aDirectoryWithRoomAndExecIsTaken(@TempDir Path dir) {
        assertEquals(dir, UmlTmpDir.choose(Optional.of(dir), dir, MemorySize.of("64M"), MountTable.host()));
        assertEquals(Optional.of("not a writable directory"),
                UmlTmpDir.problem(dir.resolve("missing"), MemorySize.of("64M"), MountTable.host()));
        assertTrue(Files.isDirectory(dir));
    }
}
