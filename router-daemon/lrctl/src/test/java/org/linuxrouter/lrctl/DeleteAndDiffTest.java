package org.linuxrouter.lrctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.lrctl.TestDaemon.Answer;
import org.linuxrouter.lrctl.TestDaemon.Run;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.Plan;

/** delete and diff: requests, output in both forms, and diff's exit codes. */
class DeleteAndDiffTest {
  private final JsonCodec codec = new JsonCodec();
  private TestDaemon daemon;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    daemon = new TestDaemon(dir);
  }

  @AfterEach
  void stop() {
    daemon.close();
  }

  @Test
  void deleteSendsOneSignedDelete() {
    daemon.answer(seen -> Answer.empty(204));
    Run run = daemon.run("delete", Samples.NET.value());
    assertEquals(0, run.exit(), run.err());
    assertEquals("deleted network " + Samples.NET + "\n", run.out());
    assertEquals(List.of("DELETE /v1/networks/" + Samples.NET), daemon.requestLines());
    assertTrue(daemon.seen().get(0).signed());
    assertEquals("", daemon.seen().get(0).body());
  }

  @Test
  void deleteOfANetworkTheDaemonLacksSucceedsAndJsonNamesIt() {
    daemon.answer(seen -> Answer.empty(404));
    Run run = daemon.run("delete", "--json", Samples.NET.value());
    assertEquals(0, run.exit(), run.err());
    assertEquals("{\"deleted\":\"" + Samples.NET + "\"}\n", run.out());
  }

  @Test
  void diffListsTheStepsAndExitsZeroUnlessAskedForTheExitCode() {
    daemon.answer(seen -> Answer.json(codec.encode(Samples.plan())));
    Run run = daemon.run("diff");
    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of(
        "2 steps to make the kernel match the desired state:",
        "NETWORK                               ACTION",
        Samples.NET + "  create link bond0.100",
        "host                                  set sysctl net.ipv4.ip_forward=1"), run.outLines());
    assertEquals(List.of("GET /v1/plan"), daemon.requestLines());
    assertTrue(daemon.seen().get(0).signed());
    assertEquals(1, daemon.run("diff", "--exit-code").exit());
    Run json = daemon.run("diff", "--json", "--exit-code");
    assertEquals(1, json.exit());
    assertEquals(Samples.plan(), codec.decodePlan(json.out().strip()));
  }

  @Test
  void diffWithNothingToDoSaysSoAndExitsZeroEvenWithExitCode() {
    daemon.answer(seen -> Answer.json(codec.encode(Plan.builder().build())));
    Run run = daemon.run("diff", "--exit-code");
    assertEquals(0, run.exit(), run.err());
    assertEquals("nothing to do: the kernel matches the desired state\n", run.out());
    assertEquals("{\"steps\":[]}\n", daemon.run("--json", "diff").out());
  }
}
