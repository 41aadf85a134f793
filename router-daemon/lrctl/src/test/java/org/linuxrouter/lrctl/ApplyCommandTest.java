package org.linuxrouter.lrctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.lrctl.TestDaemon.Answer;
import org.linuxrouter.lrctl.TestDaemon.Run;
import org.linuxrouter.lrctl.TestDaemon.Seen;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Problem;

/** apply: the requests (network, stale-NIC deletions, NICs), their bodies, the output, and failures. */
class ApplyCommandTest {
  private final JsonCodec codec = new JsonCodec();
  private TestDaemon daemon;
  private Path dir;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    this.dir = dir;
    daemon = new TestDaemon(dir);
  }

  @AfterEach
  void stop() {
    daemon.close();
  }

  /** The apply file for {@code nics}, written the way the README describes it. */
  private String file(List<NicSpec> nics) {
    return "{\"network\": " + codec.encode(Samples.network()) + ",\n \"nics\": ["
        + nics.stream().map(codec::encode).collect(Collectors.joining(",\n  ")) + "]}\n";
  }

  /** A daemon that holds nicA and a stale NIC, and answers each NIC put with the NICs put so far. */
  private void daemonHoldingAStaleNic(NetworkState last) {
    NetworkState before = Samples.state(Samples.network(), List.of(Samples.nicA(), Samples.staleNic()),
        Samples.applied(4));
    daemon.answer(seen -> {
      if (seen.method().equals("DELETE")) {
        return Answer.empty(204);
      }
      if (seen.target().endsWith("/nics/" + Samples.NIC_B)) {
        return Answer.json(codec.encode(last));
      }
      return Answer.json(codec.encode(before));
    });
  }

  @Test
  void putsTheNetworkDeletesStaleNicsThenPutsEveryNic() throws Exception {
    NetworkState after = Samples.state(Samples.network(), List.of(Samples.nicA(), Samples.nicB()),
        Samples.applied(7));
    daemonHoldingAStaleNic(after);
    Path file = Files.writeString(dir.resolve("net.json"), file(List.of(Samples.nicA(), Samples.nicB())));
    Run run = daemon.run("apply", "-f", file.toString());
    assertEquals(0, run.exit(), run.err());
    String network = "/v1/networks/" + Samples.NET;
    assertEquals(List.of("PUT " + network, "DELETE " + network + "/nics/" + Samples.NIC_STALE,
        "PUT " + network + "/nics/" + Samples.NIC_A, "PUT " + network + "/nics/" + Samples.NIC_B),
        daemon.requestLines());
    List<Seen> seen = daemon.seen();
    assertTrue(seen.stream().allMatch(Seen::signed));
    assertEquals(Samples.network(), codec.decodeNetworkSpec(seen.get(0).body()));
    assertEquals("", seen.get(1).body());
    assertEquals(Samples.nicA(), codec.decodeNicSpec(seen.get(2).body()));
    assertEquals(Samples.nicB(), codec.decodeNicSpec(seen.get(3).body()));
    assertEquals(List.of("put network " + Samples.NET, "deleted nic " + Samples.NIC_STALE,
        "put nic " + Samples.NIC_A, "put nic " + Samples.NIC_B,
        "network " + Samples.NET + ": applied (revision 7)"), run.outLines());
    assertEquals("", run.err());
  }

  @Test
  void stdinWithJsonPrintsTheFinalStateAndExits1WhenNotApplied() {
    NetworkState pending = Samples.state(Samples.network(), List.of(Samples.nicA(), Samples.nicB()),
        Samples.failing(7, 4, "vlan 100: trunk bond0 missing"));
    daemonHoldingAStaleNic(pending);
    Run run = daemon.runWithInput(file(List.of(Samples.nicA(), Samples.nicB())), "apply", "-f", "-", "--json");
    assertEquals(1, run.exit(), run.err());
    assertEquals(pending, codec.decodeNetworkState(run.out().strip()));
    assertEquals(1, run.outLines().size(), "--json prints the state only, no progress lines");
    assertEquals(4, daemon.seen().size());
  }

  @Test
  void anEmptyNicListDeletesEveryNicAndReadsTheResultBack() {
    NetworkState empty = Samples.state(Samples.network(), List.of(), Samples.applied(9));
    NetworkState before = Samples.state(Samples.network(), List.of(Samples.nicA(), Samples.nicB()),
        Samples.applied(6));
    daemon.answer(seen -> switch (seen.method()) {
      case "DELETE" -> Answer.empty(204);
      case "GET" -> Answer.json(codec.encode(empty));
      default -> Answer.json(codec.encode(before));
    });
    Run run = daemon.runWithInput(file(List.of()), "apply", "--file=-");
    assertEquals(0, run.exit(), run.err());
    String network = "/v1/networks/" + Samples.NET;
    assertEquals(List.of("PUT " + network, "DELETE " + network + "/nics/" + Samples.NIC_A,
        "DELETE " + network + "/nics/" + Samples.NIC_B, "GET " + network), daemon.requestLines());
    assertEquals("network " + Samples.NET + ": applied (revision 9)", run.outLines().get(3));
  }

  @Test
  void aFileTheDaemonWouldRefuseSendsNothing() throws Exception {
    NicSpec sameMac = Samples.nicB().newBuilder().mac(Samples.nicA().mac()).build();
    Path file = Files.writeString(dir.resolve("bad.json"), file(List.of(Samples.nicA(), sameMac)));
    Run run = daemon.run("apply", "-f", file.toString());
    assertEquals(2, run.exit());
    assertEquals("lrctl: " + file + ": nics[1].mac: expected 02:00:4c:4f:4f:50 on one nic only, got it on "
        + Samples.NIC_A + " and " + Samples.NIC_B + "\n", run.err());
    assertEquals(List.of(), daemon.seen());
    Run missing = daemon.run("apply", "-f", dir.resolve("nope.json").toString());
    assertEquals(2, missing.exit());
    assertEquals("lrctl: cannot read " + dir.resolve("nope.json") + ": no such file\n", missing.err());
    Run syntax = daemon.runWithInput("{\"network\": {}", "apply", "-f", "-");
    assertEquals("lrctl: standard input: network.uuid: expected a value, got none\n", syntax.err());
  }

  @Test
  void aRejectedNicStopsTheApplyWithTheProblemAndExit3() {
    daemon.answer(seen -> seen.target().endsWith("/nics/" + Samples.NIC_A)
        ? Answer.problem(Problem.builder().title("conflict").status(409)
            .detail("203.0.113.10 is on nic " + Samples.NIC_STALE + " of network " + Samples.OTHER_NET).build())
        : Answer.json(codec.encode(Samples.state(Samples.network(), List.of(), Samples.applied(1)))));
    Run run = daemon.runWithInput(file(List.of(Samples.nicA(), Samples.nicB())), "apply", "-f", "-");
    assertEquals(3, run.exit());
    assertEquals("lrctl: linuxrouterd at " + daemon.url() + " rejected putNic " + Samples.NET + "/" + Samples.NIC_A
        + ": 409 conflict: 203.0.113.10 is on nic " + Samples.NIC_STALE + " of network " + Samples.OTHER_NET + "\n",
        run.err());
    assertEquals(2, daemon.seen().size(), "nothing after the rejected nic");
    assertEquals(List.of("put network " + Samples.NET), run.outLines());
  }
}
