package org.linuxrouter.lrctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linuxrouter.protocol.model.RouterStatus;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.lrctl.TestDaemon.Answer;
import org.linuxrouter.lrctl.TestDaemon.Run;
import org.linuxrouter.protocol.json.JsonCodec;
import java.util.Map;
import org.linuxrouter.protocol.model.DhcpOption;
import org.linuxrouter.protocol.model.DnsDomain;
import org.linuxrouter.protocol.model.GuestService;
import org.linuxrouter.protocol.model.Hostname;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Secret;

/** status, networks and show: the request each sends, and what it prints as text and as JSON. */
class ReadCommandsTest {
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

  /** As the daemon answers: guest services on, NIC A with every guest field, its secrets redacted. */
  private static NetworkState applied() {
    NetworkSpec network = Samples.network().newBuilder()
        .services(List.of(GuestService.DHCP, GuestService.DNS))
        .dnsServers(List.of(IpAddress.parse("192.0.2.53"))).domain(DnsDomain.parse("cloudnine.internal")).build();
    NicSpec nicA = Samples.nicA().newBuilder().hostname(Hostname.parse("web-1"))
        .dhcpOptions(List.of(DhcpOption.of(66, "10.0.0.5"), DhcpOption.of(67, "pxelinux.0")))
        .metadata(Map.of("instance-id", "i-1", "vm-id", "i-1")).sshPublicKeys(List.of("ssh-ed25519 AAAA a@b"))
        .userData(Secret.of("YWJj")).password(Secret.of("pw")).build().redacted();
    NicSpec nicB = Samples.nicB().newBuilder().defaultNic(false).build();
    return Samples.state(network, List.of(nicA, nicB), Samples.applied(3));
  }

  private static NetworkState failing() {
    return Samples.state(Samples.otherNetwork(), List.of(), Samples.failing(2, 1, "trunk eth1 missing"));
  }

  @Test
  void statusPrintsAlignedFields() {
    daemon.answer(seen -> Answer.json(codec.encode(Samples.routerStatus())));
    Run run = daemon.run("status");
    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of(
        "version         0.1.0",
        "networks        2",
        "nics            3",
        "last reconcile  2026-01-02T03:04:05Z",
        "drifted         " + Samples.NET,
        "metadata        on",
        "anti-spoofing   off"), run.outLines());
    assertEquals(List.of("GET /v1/status"), daemon.requestLines());
    assertTrue(daemon.seen().get(0).signed());
    assertEquals("", run.err());
  }

  @Test
  void statusShowsThePairAtAGlance() {
    RouterStatus paired = Samples.routerStatus().newBuilder().pair(org.linuxrouter.protocol.model.PairState.of(
        org.linuxrouter.protocol.model.PairState.Role.BACKUP, 2, java.time.Instant.parse("2026-01-02T03:04:06Z"), 1,
        null).withTakeover(org.linuxrouter.protocol.model.PairState.Takeover.GATE, false)).build();
    daemon.answer(seen -> Answer.json(codec.encode(paired)));
    Run run = daemon.run("status");
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.outLines();
    assertEquals(List.of(
        "vrrp role            BACKUP",
        "vrrp transitions     2, last 2026-01-02T03:04:06Z",
        "keepalived restarts  1",
        "vrrp takeover        gate, standby gate closed"), lines.subList(7, lines.size()), lines.toString());
  }

  @Test
  void statusShowsTheSplitBrainAndThePeer() {
    org.linuxrouter.protocol.model.PairState.Role master = org.linuxrouter.protocol.model.PairState.Role.MASTER;
    RouterStatus split = Samples.routerStatus().newBuilder().pair(org.linuxrouter.protocol.model.PairState.of(
        master, 1, null, 0, null).withPeer(true, org.linuxrouter.protocol.model.PeerState.of(true, master,
        java.time.Instant.parse("2026-01-02T03:04:07Z"), null, 2, 1)).withSticky(true)).build();
    daemon.answer(seen -> Answer.json(codec.encode(split)));
    Run run = daemon.run("status");
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.outLines();
    assertEquals(List.of(
        "vrrp role            MASTER, sticky",
        "vrrp transitions     1",
        "keepalived restarts  0",
        "peer                 reachable, MASTER, last contact 2026-01-02T03:04:07Z, 2 password acks pending",
        "split brain          YES: both routers are MASTER (VRRP link between them cut?), 1 so far"),
        lines.subList(7, lines.size()), lines.toString());
  }

  @Test
  void statusJsonIsTheCodecsFormAndOptionsWorkOnEitherSide() {
    daemon.answer(seen -> Answer.json(codec.encode(Samples.routerStatus())));
    Run after = daemon.run("status", "--json");
    Run before = daemon.run("--json", "status");
    assertEquals(codec.encode(Samples.routerStatus()) + "\n", after.out());
    assertEquals(after.out(), before.out());
    assertEquals(Samples.routerStatus(), codec.decodeRouterStatus(after.out().strip()));
  }

  @Test
  void networksIsATableSortedByUuid() {
    daemon.answer(seen -> Answer.json(codec.encodeNetworkList(List.of(applied(), failing()))));
    Run run = daemon.run("networks");
    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of(
        "UUID                                  SEGMENT     TRUNK    GATEWAY                   NICS  APPLIED",
        Samples.OTHER_NET + "  vlan://200  default  10.2.2.1/24               0     no",
        Samples.NET + "  vlan://100  bond0    10.1.1.1/24,fd00:1::1/64  2     yes"), run.outLines());
    assertEquals(List.of("GET /v1/networks"), daemon.requestLines());
  }

  @Test
  void networksJsonAndTheEmptyCase() {
    daemon.answer(seen -> Answer.json(codec.encodeNetworkList(List.of(applied()))));
    assertEquals(List.of(applied()), codec.decodeNetworkList(daemon.run("networks", "--json").out().strip()));
    daemon.answer(seen -> Answer.json(codec.encodeNetworkList(List.of())));
    assertEquals("no networks\n", daemon.run("networks").out());
    assertEquals("{\"networks\":[]}\n", daemon.run("networks", "--json").out());
  }

  @Test
  void showPrintsSpecNicsAndConditions() {
    daemon.answer(seen -> Answer.json(codec.encode(applied())));
    Run run = daemon.run("show", Samples.NET.value());
    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of(
        "network      " + Samples.NET,
        "name         guest-a",
        "segment      vlan://100",
        "trunk        bond0",
        "gateway4     10.1.1.1/24",
        "gateway6     fd00:1::1/64",
        "mtu          9000",
        "proxy mode   interface",
        "services     dhcp,dns",
        "dns servers  192.0.2.53",
        "domain       cloudnine.internal",
        "status       applied (revision 3)",
        "",
        "NIC                                   MAC                IPV4                       IPV6          HOSTNAME"
            + "  DEFAULT  DHCP-OPTIONS  METADATA           SSH-KEYS  SECRETS",
        Samples.NIC_A + "  02:00:4c:4f:4f:50  203.0.113.10,203.0.113.11  2001:db8::10  web-1   "
            + "  yes      66,67         instance-id,vm-id  1         user-data,password",
        Samples.NIC_B + "  02:00:4c:4f:4f:51  203.0.113.20               -             -       "
            + "  no       -             -                  0         -",
        "",
        "CONDITION  STATUS  REASON      SINCE                 MESSAGE",
        "Applied    true    Reconciled  2026-01-02T03:04:05Z  kernel matches revision 3"), run.outLines());
    assertEquals(List.of("GET /v1/networks/" + Samples.NET), daemon.requestLines());
  }

  @Test
  void showOfAFailingNetworkSaysWhyAndJsonIsTheState() {
    daemon.answer(seen -> Answer.json(codec.encode(failing())));
    Run run = daemon.run("show", Samples.OTHER_NET.value());
    assertEquals(List.of(
        "network      " + Samples.OTHER_NET,
        "segment      vlan://200",
        "trunk        default",
        "gateway4     10.2.2.1/24",
        "mtu          trunk's",
        "proxy mode   per-address",
        "services     none",
        "dns servers  -",
        "domain       -",
        "status       failing (revision 2, kernel at 1): trunk eth1 missing",
        "",
        "no nics"), run.outLines());
    assertEquals(failing(), codec.decodeNetworkState(daemon.run("--json", "show", Samples.OTHER_NET.value())
        .out().strip()));
  }

  @Test
  void showOfAnUnknownNetworkFailsWithExit3() {
    daemon.answer(seen -> Answer.empty(404));
    Run run = daemon.run("show", Samples.NET.value());
    assertEquals(3, run.exit());
    assertEquals("lrctl: linuxrouterd at " + daemon.url() + " holds no network " + Samples.NET + "\n", run.err());
    assertEquals("", run.out());
  }
}
