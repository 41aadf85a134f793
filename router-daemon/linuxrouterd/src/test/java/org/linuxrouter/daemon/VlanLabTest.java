package org.linuxrouter.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.testkit.uml.GuestTests;

/**
 * Runs this module's {@code @Tag("vlan")} tests (NetlinkKernel on VLAN links) inside the user-mode-linux kernel: the CI host
 * kernel has no 802.1Q, so they are excluded from the host run and proven here instead, never skipped.
 */
class VlanLabTest {

    @Test
    void vlanTestsPassInsideTheUmlKernel(@TempDir Path share) {
        GuestTests.Outcome outcome = GuestTests.run("org.linuxrouter.daemon", "vlan", share);
        System.out.println("vlan tests in the UML kernel: " + outcome.summary());
        assertTrue(outcome.passed(), outcome.summary() + "\n" + outcome.output());
    }
}
