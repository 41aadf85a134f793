package org.linuxrouter.lab.pair;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.testkit.uml.GuestTests;

/**
 * Boots the user-mode-linux 802.1Q kernel once and runs the router-pair failover lab ({@link PairFailoverLabTest},
 * tag {@code pair}) in it. Three JVMs run in the guest (the tests and two daemons), hence more RAM than the
 * single-router lab. {@code -Dlinuxrouter.pair.repetitions=10} repeats the crash case for the performance figures.
 *
 * <p>In {@code mvn verify} by default (about 2.5 min on an otherwise idle machine); tag {@code pair-uml} lets a
 * local build leave it out ({@code -Dlab.excludedGroups=vlan,pair,pair-uml}). Under heavy load (load average 20 on
 * 2 cores) the one-CPU guest stalled keepalived and the daemons for seconds (docs/performance.md, "Router pair
 * failover in the 802.1Q lab").
 */
@Tag("pair-uml")
class PairVlanLabTest {

    @Test
    void theRouterPairFailsOverWithinTwoSecondsInsideTheUmlKernel(@TempDir Path temp) throws Exception {
        String repetitions = System.getProperty("linuxrouter.pair.repetitions",
                Integer.toString(PairFailoverLabTest.REPETITIONS));
        // -Dlinuxrouter.pair.keep=DIR keeps the probes' output and the daemons' logs there for a look afterwards
        Path share = Path.of(System.getProperty("linuxrouter.pair.keep", temp.toString())).toAbsolutePath();
        Path evidence = Files.createDirectories(share.resolve("evidence"));
        long t0 = System.nanoTime();
        GuestTests.Outcome outcome = GuestTests.run("org.linuxrouter.lab.pair", "pair", share, "1536M",
                Duration.ofMinutes(20), Map.of("linuxrouter.pair.repetitions", repetitions,
                        PairFailoverLabTest.EVIDENCE_PROPERTY, evidence.toString()));
        System.out.println("router pair lab in the UML kernel: " + outcome.summary() + " in "
                + (System.nanoTime() - t0) / 1_000_000_000 + " s");
        assertTrue(outcome.passed(), outcome.summary() + "\n" + outcome.output());
    }
}
