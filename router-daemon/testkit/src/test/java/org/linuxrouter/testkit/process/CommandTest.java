package org.linuxrouter.testkit.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void argumentsReachTheProgramVerbatimWithNoShellInBetween() {
        CommandResult result = Command.run(List.of("printf", "%s|", "a b", "$HOME", "'q'", ";true")).requireSuccess();
        assertEquals("a b|$HOME|'q'|;true|", result.stdout());
    }

    @Test
    void stdinStdoutStderrAndExitCodeAreKeptApart() {
        CommandResult result = Command.run(List.of("bash", "-c", "cat; echo oops >&2; exit 3"), "fed\n",
                Duration.ofSeconds(30));
        assertEquals(3, result.exitCode());
        assertEquals("fed\n", result.stdout());
        assertEquals("oops\n", result.stderr());
        CommandException e = assertThrows(CommandException.class, result::requireSuccess);
        assertTrue(e.getMessage().startsWith("expected exit code 0 from [bash, -c,"), e.getMessage());
        assertTrue(e.getMessage().endsWith("saw 3: oops"), e.getMessage());
    }

    @Test
    void aProgramOutlivingItsTimeoutIsKilledAndReported() {
        long start = System.nanoTime();
        CommandException e = assertThrows(CommandException.class,
                () -> Command.run(List.of("sleep", "60"), null, Duration.ofMillis(300)));
        assertTrue(e.getMessage().contains("to finish within PT0.3S"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(20)) < 0);
    }

    @Test
    void missingProgramsAndEmptyArgvAreClearErrors() {
        CommandException missing = assertThrows(CommandException.class,
                () -> Command.run(List.of("/nonexistent/program")));
        assertTrue(missing.getMessage().startsWith("could not start [/nonexistent/program]"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Command.run(List.of()));
    }
}
