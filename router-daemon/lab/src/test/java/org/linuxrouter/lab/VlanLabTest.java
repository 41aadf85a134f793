package org.linuxrouter.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.testkit.uml.GuestTests;

/** Runs the router lab ({@link RouterLabTest}, tag {@code vlan}) inside the user-mode-linux 802.1Q kernel. */
class VlanLabTest {

    @Test
    void theRouterLabPassesInsideTheUmlKernel(@TempDir Path share) {
        GuestTests.Outcome outcome = GuestTests.run("org.linuxrouter.lab", "vlan", share);
        System.out.println("router lab in the UML kernel: " + outcome.summary());
        assertTrue(outcome.passed(), outcome.summary() + "\n" + outcome.output());
    }
}
