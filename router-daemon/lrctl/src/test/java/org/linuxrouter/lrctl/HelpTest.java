package org.linuxrouter.lrctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linuxrouter.lrctl.TestDaemon.Run;

/** Every command answers --help and --version on stdout with exit 0, and the root help lists the exit codes. */
class HelpTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "status", "networks", "show", "apply", "delete", "diff", "fingerprint", "secret"})
  void everyCommandHasHelpAndVersion(String command) {
    String[] help = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
    Run run = TestDaemon.lrctl("", help);
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("Usage: lrctl" + (command.isEmpty() ? "" : " " + command) + " "), run.out());
    assertTrue(run.out().contains("--config=FILE") && run.out().contains("--json"), run.out());
    String[] version = command.isEmpty() ? new String[] {"--version"} : new String[] {command, "--version"};
    assertEquals("lrctl dev\n", TestDaemon.lrctl("", version).out());
  }

  @ParameterizedTest
  @ValueSource(ints = {Exit.OK, Exit.NOT_APPLIED, Exit.USAGE, Exit.DAEMON, Exit.BUG})
  void rootHelpDocumentsEachExitCode(int code) {
    String help = TestDaemon.lrctl("", "--help").out();
    assertTrue(help.lines().anyMatch(line -> line.matches("\\s+" + code + "\\s+\\S.*")), help);
  }
}
