package org.linuxrouter.cloudstack.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.testkit.uml.GuestTests;

/**
 * Runs this package's {@code @Tag("vlan")} tests (the element against a real linuxrouterd on an 802.1Q trunk) inside
 * the user-mode-linux kernel: the CI host kernel has no 802.1Q, so they are excluded from the host run and proven
 * here instead, never skipped.
 */
class VlanLabTest {

    @Test
    void elementEndToEndTestsPassInsideTheUmlKernel(@TempDir Path share) {
        GuestTests.Outcome outcome = GuestTests.run("org.linuxrouter.cloudstack.lab", "vlan", share);
        System.out.println("plugin end-to-end tests in the UML kernel: " + outcome.summary());
        assertTrue(outcome.passed(), outcome.summary() + "\n" + outcome.output());
    }
}
