package org.linuxrouter.lrctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.daemon.tls.KeyStoreFile;
import org.linuxrouter.daemon.tls.SelfSignedIssuer;
import org.linuxrouter.daemon.tls.ServerIdentity;
import org.linuxrouter.lrctl.TestDaemon.Answer;
import org.linuxrouter.lrctl.TestDaemon.Run;
import org.linuxrouter.protocol.model.Problem;

/** Every failure is one line on stderr and a documented exit code; nothing reaches stdout. */
class FailuresTest {
  private TestDaemon daemon;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    daemon = new TestDaemon(dir);
  }

  @AfterEach
  void stop() {
    daemon.close();
  }

  private static void assertOneLine(Run run, int exit, String message) {
    assertEquals(exit, run.exit(), run.err());
    assertEquals("lrctl: " + message + "\n", run.err());
    assertEquals("", run.out());
  }

  @Test
  void stoppedDaemonIsUnreachable() {
    daemon.close();
    assertOneLine(daemon.run("status"), 3, "cannot reach linuxrouterd at " + daemon.url() + ": connection refused");
  }

  @Test
  void aCertificateOtherThanTheKeystoresIsRefusedBeforeAnythingIsSent() throws Exception {
    String served = daemon.identity.fingerprint();
    Files.delete(daemon.keystore);
    ServerIdentity other = new KeyStoreFile(daemon.keystore).loadOrCreate(() -> SelfSignedIssuer.system()
        .issue("localhost", Optional.of(InetAddress.getLoopbackAddress())));
    assertOneLine(daemon.run("networks"), 3, "cannot reach linuxrouterd at " + daemon.url() + ": expected a tls"
        + " handshake with the pinned certificate, got tls: expected certificate sha-256 " + other.fingerprint()
        + ", got " + served);
    assertEquals(List.of(), daemon.seen());
  }

  @Test
  void aRejectionShowsTitleDetailAndAFieldTheDetailDoesNotName() {
    daemon.answer(seen -> Answer.problem(Problem.builder().title("invalid request").status(400).field("uuid")
        .detail("expected the path's uuid").build()));
    assertOneLine(daemon.run("delete", Samples.NET.value()), 3, "linuxrouterd at " + daemon.url()
        + " rejected deleteNetwork " + Samples.NET + ": 400 invalid request: expected the path's uuid (field uuid)");
    daemon.answer(seen -> Answer.problem(Problem.builder().title("invalid request").status(400).field("gateway4")
        .detail("gateway4: expected a host address").build()));
    assertOneLine(daemon.run("delete", Samples.NET.value()), 3, "linuxrouterd at " + daemon.url()
        + " rejected deleteNetwork " + Samples.NET + ": 400 invalid request: gateway4: expected a host address");
  }

  @Test
  void aServerErrorIsExit3() {
    daemon.answer(seen -> Answer.problem(Problem.builder().title("internal error").status(500)
        .detail("state.json: cannot write").build()));
    assertOneLine(daemon.run("diff"), 3, "linuxrouterd at " + daemon.url() + " failed plan: expected a 2xx"
        + " response, got 500 internal error: state.json: cannot write");
  }

  @Test
  void aBrokenConfigurationListsEveryProblem() throws Exception {
    Path config = daemon.writeConfig("listen = nowhere\nlog_level = loud\n");
    Run run = daemon.run("status");
    assertEquals(2, run.exit());
    assertEquals(List.of("lrctl: " + config + ": 2 problems",
        "lrctl: " + config + ":line 2: listen: expected an IP address and port such as 0.0.0.0:8443 or [::1]:8443,"
            + " got \"nowhere\"",
        "lrctl: " + config + ":line 3: log_level: expected one of error|warn|info|debug|trace, got \"loud\""),
        run.err().lines().toList());
    assertEquals(List.of(), daemon.seen());
  }

  @Test
  void plainHttpIsRefusedWithWhatToChange() throws Exception {
    Path config = daemon.writeConfig("listen = 127.0.0.1:" + daemon.port() + "\ntls = off\n");
    assertOneLine(daemon.run("status"), 2, "linuxrouterd listens with plain http at http://127.0.0.1:"
        + daemon.port() + " (tls = off in " + config + "), but lrctl speaks https only: set tls = on to use lrctl");
    assertOneLine(daemon.run("--url", "http://127.0.0.1:1", "status"), 2,
        "--url: expected https://host[:port], got http://127.0.0.1:1; lrctl speaks https only");
    assertEquals(List.of(), daemon.seen());
  }

  @Test
  void urlOverridesTheListenAddress() throws Exception {
    daemon.writeConfig("listen = 127.0.0.1:1\n");
    daemon.answer(seen -> Answer.empty(204));
    Run run = daemon.run("--url", daemon.url().toString(), "delete", Samples.NET.value());
    assertEquals(0, run.exit(), run.err());
    assertEquals(1, daemon.seen().size());
    assertOneLine(daemon.run("--url", "https://127.0.0.1:1/v1", "status"), 2, "--url: baseUrl: expected"
        + " https://host[:port] with no path, query or user info, got https://127.0.0.1 with other parts");
  }

  @Test
  void usageErrorsAreExit2WithAPointerToHelp() {
    assertOneLine(TestDaemon.lrctl(""), 2, "expected a command, got none (see lrctl --help)");
    assertOneLine(daemon.run("show", "3F2504E0-4f89-11d3-9a0c-0305e82c3301"), 2, "invalid value for positional"
        + " parameter at index 0 (UUID): expected a lower-case uuid like 3f2504e0-4f89-11d3-9a0c-0305e82c3301, got"
        + " \"3F2504E0-4f89-11d3-9a0c-0305e82c3301\" (see lrctl show --help)");
    assertOneLine(daemon.run("apply"), 2, "missing required option: '--file=FILE' (see lrctl apply --help)");
    Run unknown = daemon.run("restart");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().startsWith("lrctl: unmatched argument at index 2: 'restart'"), unknown.err());
    assertEquals(List.of(), daemon.seen());
  }
}
