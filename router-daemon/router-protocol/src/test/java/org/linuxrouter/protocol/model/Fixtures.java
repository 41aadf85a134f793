package org.linuxrouter.protocol.model;

import java.time.Instant;
import java.util.Arrays;

/** Valid sample values the tests start from and break one field at a time. */
public final class Fixtures {
  public static final Uuid NETWORK = Uuid.parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
  public static final Uuid NIC_A = Uuid.parse("9c5b94b1-35ad-49bb-b118-8e8fc24abf80");
  public static final Uuid NIC_B = Uuid.parse("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
  public static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123Z");

  private Fixtures() {
  }

  /** An IPv4-only network: vlan 100 on bond0, gateway 10.1.1.1/24. */
  public static NetworkSpec.Builder network() {
    return NetworkSpec.builder().uuid(NETWORK).segment(Segment.vlan(100))
        .gateway4(GatewayAddress.parse("10.1.1.1/24"));
  }

  /** A dual-stack network with every optional field set. */
  public static NetworkSpec fullNetwork() {
    return network().name("guest-net \"a\"").trunk(InterfaceName.of("bond0"))
        .gateway6(GatewayAddress.parse("fd00:1::1/64")).mtu(9000).proxyMode(ProxyMode.INTERFACE)
        .services(Arrays.asList(GuestService.DHCP, GuestService.DNS, GuestService.USERDATA))
        .dnsServers(Arrays.asList(IpAddress.parse("192.0.2.53"), IpAddress.parse("2001:db8::53")))
        .domain(DnsDomain.parse("cloudnine.internal")).build();
  }

  /** A unicast VXLAN network with every VXLAN option set. */
  public static NetworkSpec fullVxlanNetwork() {
    return network().segment(Segment.vxlan(70000)).vxlan(new VxlanOptions(InterfaceName.of("bond1"),
        VxlanMode.UNICAST, IpAddress.parse("192.0.2.1"),
        Arrays.asList(IpAddress.parse("192.0.2.11"), IpAddress.parse("192.0.2.12")))).build();
  }

  public static NicSpec nicA() {
    return NicSpec.builder().uuid(NIC_A).mac(MacAddress.parse("02:00:4c:4f:4f:50"))
        .ipv4(Arrays.asList(IpAddress.parse("203.0.113.10"), IpAddress.parse("203.0.113.11")))
        .ipv6(Arrays.asList(IpAddress.parse("2001:db8::10"))).hostname(Hostname.parse("web-1")).defaultNic(true)
        .dhcpOptions(Arrays.asList(DhcpOption.of(66, "10.1.1.5"), DhcpOption.of(67, "pxelinux.0")))
        .metadata(java.util.Map.of("instance-id", "8c1b0b8e-7b6e-4a9e-9d1e-3b3f2f6b1a01", "local-hostname", "web-1"))
        .sshPublicKeys(Arrays.asList("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBx1 user@host"))
        .userData(Secret.of("I2Nsb3VkLWNvbmZpZwo=")).password(Secret.of("s3cret-Pw")).build();
  }

  public static NicSpec nicB() {
    return NicSpec.builder().uuid(NIC_B).mac(MacAddress.parse("02:00:4c:4f:4f:51"))
        .addAddress(IpAddress.parse("203.0.113.20")).build();
  }

  public static Condition applied() {
    return Condition.builder().type("Applied").status(Condition.Status.TRUE).reason("Reconciled")
        .message("kernel matches revision 3").since(T0).build();
  }

  public static NetworkStatus status() {
    return NetworkStatus.builder().desiredRevision(3).appliedRevision(3)
        .conditions(Arrays.asList(applied())).build();
  }

  public static NetworkState state() {
    return NetworkState.builder().spec(fullNetwork()).nics(Arrays.asList(nicA(), nicB())).status(status()).build();
  }

  public static RouterStatus routerStatus() {
    return RouterStatus.builder().version("0.1.0").networks(1).nics(2).lastReconcile(T0)
        .drifted(Arrays.asList(NETWORK)).dnsmasq("running").dnsmasqRestarts(1)
        .metadata(ServiceState.ON).antiSpoofing(ServiceState.FAILING)
        .pair(PairState.of(PairState.Role.MASTER, 3, T0, 1, "keepalived -t exit 5: Unknown keyword 'x'")
            .withPeer(true, PeerState.of(true, PairState.Role.MASTER, T0, "forget: peer answered 503", 2, 1))
            .withTakeover(PairState.Takeover.GATE, true).withSticky(true))
        .build();
  }

  /** One host-wide step and one for {@link #NETWORK}. */
  public static Plan plan() {
    return Plan.builder().addStep(PlannedStep.builder().action("set sysctl net.ipv4.ip_forward=1").build())
        .addStep(PlannedStep.builder().network(NETWORK).action("create link bond0.100").build()).build();
  }

  public static Problem problem() {
    return Problem.builder().title("invalid request").status(400).field("nics[0].mac")
        .detail("nics[0].mac: expected a unicast address, got all zeros").build();
  }
}
