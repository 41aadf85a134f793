package org.linuxrouter.testkit.uml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boots real UML guests (root; apt packages user-mode-linux kmod iproute2). Each test checks that nothing of the
 * instance survives it.
 */
class UmlKernelTest {

    @Test
    void theGuestCommandsExitStatusAndOutputComeBack(@TempDir Path share, @TempDir Path notShared)
            throws Exception {
        Path hostFile = Files.writeString(notShared.resolve("host-file"), "host content\n");
        Path tmpLeak = Path.of("/tmp/lrlab-leak-" + System.nanoTime());
        // the first argument travels through the NUL-separated argv file untouched: spaces, quotes, $ and all
        UmlResult result = UmlKernel.run(UmlRun.command("bash", "-c", String.join("; ",
                        "echo \"arg: $1\"", "uname -r", "test -e /proc/net/vlan/config && echo 8021q-loaded",
                        "echo guest > \"$2\"/from-guest", "cat \"$3\"", "echo leak > /etc/lrlab-leak",
                        "echo leak > \"$4\"", "echo leak > \"$5\"/leak", "exit 7"),
                "bash", "a 'b' $c", share.toString(), hostFile.toString(), tmpLeak.toString(), notShared.toString())
                .share(share).build());
        System.out.println(result.timings());
        assertEquals(7, result.exitCode());
        assertTrue(result.output().contains("arg: a 'b' $c"), result.outputText());
        assertTrue(result.output().contains("6.1.176"), "the UML kernel, not the host's: " + result.outputText());
        assertTrue(result.output().contains("8021q-loaded"), "init loads 8021q: " + result.outputText());
        assertEquals("guest\n", Files.readString(share.resolve("from-guest")), "shared directories are written");
        assertTrue(result.output().contains("host content"), "the host's /tmp is readable: " + result.outputText());
        assertFalse(Files.exists(Path.of("/etc/lrlab-leak")), "writes to /etc stay in the guest (trap 3)");
        assertFalse(Files.exists(tmpLeak), "writes to /tmp stay in the guest (trap 3)");
        assertFalse(Files.exists(notShared.resolve("leak")), "only shared directories are written through");
        assertFalse(Files.exists(Path.of("/lib/modules")), "the guest must not create /lib/modules (trap 2)");
        assertTrue(result.bootTime().compareTo(result.total()) < 0, result.timings());
        UmlProcesses.assertNoneLeft(result.umid());
    }

    @Test
    void aGuestThatNeverReportsIsAnErrorWithTheLastLines() {
        // powering off behind init's back: no status file gets written. The pause lets the guest's output relay
        // pass the line on: what a guest prints in the very instant it dies can be lost.
        UmlException e = assertThrows(UmlException.class, () -> UmlKernel.run(UmlRun.command("bash", "-c",
                "echo about to vanish; sleep 1; echo o > /proc/sysrq-trigger; sleep 30").build()));
        assertTrue(e.getMessage().startsWith("expected the guest to report a status in /"), e.getMessage());
        assertTrue(e.getMessage().contains("about to vanish"), e.getMessage());
        UmlProcesses.assertNoneLeft(UmlProcesses.umidIn(e.getMessage()));
    }

    @Test
    void aGuestOutlivingItsTimeoutIsKilledWithItsWholeSession() {
        long start = System.nanoTime();
        UmlException e = assertThrows(UmlException.class, () -> UmlKernel.run(UmlRun.command("sleep", "600")
                .timeout(Duration.ofSeconds(20)).build()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(e.getMessage().startsWith("expected the guest to power off within PT20S, it did not"),
                e.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(60)) < 0, "timeout took " + took);
        UmlProcesses.assertNoneLeft(UmlProcesses.umidIn(e.getMessage()));
    }

    @Test
    void aFailedGuestSetupStepIsAnErrorNamingTheStep(@TempDir Path dir) {
        Path missing = dir.resolve("missing");
        UmlException e = assertThrows(UmlException.class, () -> UmlKernel.run(UmlRun.command("true")
                .share(missing).build()));
        assertTrue(e.getMessage().startsWith("expected the guest setup to succeed, step 'shares' failed with exit"
                + " code 1"), e.getMessage());
        assertTrue(e.getMessage().contains("shared directory '" + missing + "' does not exist"), e.getMessage());
        UmlProcesses.assertNoneLeft(UmlProcesses.umidIn(e.getMessage()));
    }

    @Test
    void aMissingKernelNamesTheAptPackage() {
        UmlException e = assertThrows(UmlException.class, () -> UmlKernel.run(UmlRun.command("true")
                .linuxUml(Path.of("/nonexistent/linux.uml")).build()));
        assertEquals("expected the user-mode-linux kernel at /nonexistent/linux.uml, it is missing or not executable:"
                + " apt-get install -y user-mode-linux", e.getMessage());
    }
}
