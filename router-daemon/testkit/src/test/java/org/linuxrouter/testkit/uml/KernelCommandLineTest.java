package org.linuxrouter.testkit.uml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelCommandLineTest {

    private static final Path LAB = Path.of("/tmp/lrlab-1");

    private static KernelCommandLine line(List<Path> shares, String umid) {
        return new KernelCommandLine(Path.of("/usr/bin/linux.uml"), MemorySize.of("1G"), LAB.resolve("init.sh"),
                LAB.resolve("uml"), umid, LAB.resolve("argv"), LAB.resolve("status"), LAB, shares,
                Path.of("/usr/lib/uml/modules/6.1.176"));
    }

    @Test
    void bootsInItsOwnSessionWithHostfsRootAndPrivateState() {
        assertEquals(List.of("setsid", "/usr/bin/linux.uml", "mem=1G", "rootfstype=hostfs", "rootflags=/", "rw",
                "init=/tmp/lrlab-1/init.sh", "quiet", "con=null", "ssl=null", "con0=fd:0,fd:1",
                "uml_dir=/tmp/lrlab-1/uml", "umid=lrlab-ab12", "LR_ARGV=/tmp/lrlab-1/argv",
                "LR_STATUS=/tmp/lrlab-1/status", "LR_CWD=/tmp/lrlab-1", "LR_SHARE=/tmp/lrlab-1:/srv/out",
                "LR_MODULES=/usr/lib/uml/modules/6.1.176"),
                line(List.of(LAB, Path.of("/srv/out")), "lrlab-ab12").argv());
    }

    @Test
    void pathsThatTheKernelOrInitWouldSplitAreRejected() {
        IllegalArgumentException space = assertThrows(IllegalArgumentException.class,
                () -> line(List.of(LAB, Path.of("/my dir")), "x"));
        assertTrue(space.getMessage().endsWith("saw '/my dir'"), space.getMessage());
        assertThrows(IllegalArgumentException.class, () -> line(List.of(Path.of("/a:b")), "x"));
        assertThrows(IllegalArgumentException.class, () -> line(List.of(Path.of("/a\"b")), "x"));
        assertThrows(IllegalArgumentException.class, () -> line(List.of(), "x"));
    }

    @Test
    void umidMustBeAPlainName() {
        assertThrows(IllegalArgumentException.class, () -> line(List.of(LAB), "a b"));
        assertThrows(IllegalArgumentException.class, () -> line(List.of(LAB), ""));
    }

    @Test
    void memorySizesAreKernelSpelled() {
        assertEquals(1L << 30, MemorySize.of("1G").bytes());
        assertEquals(512L << 20, MemorySize.of("512M").bytes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MemorySize.of("1GB"));
        assertEquals("expected a memory size like 512M or 1G, saw '1GB'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MemorySize.of("32M"));
        assertThrows(IllegalArgumentException.class, () -> MemorySize.of("64G"));
    }
}
