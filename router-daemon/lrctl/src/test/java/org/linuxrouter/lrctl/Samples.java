package org.linuxrouter.lrctl;

import java.time.Instant;
import java.util.List;
import org.linuxrouter.protocol.model.Condition;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NetworkStatus;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Plan;
import org.linuxrouter.protocol.model.PlannedStep;
import org.linuxrouter.protocol.model.ProxyMode;
import org.linuxrouter.protocol.model.RouterStatus;
import org.linuxrouter.protocol.model.ServiceState;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;

/** The values the tests' canned answers are made of. */
final class Samples {
  static final Uuid NET = Uuid.parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
  static final Uuid OTHER_NET = Uuid.parse("0a2504e0-4f89-11d3-9a0c-0305e82c3302");
  static final Uuid NIC_A = Uuid.parse("9c5b94b1-35ad-49bb-b118-8e8fc24abf80");
  static final Uuid NIC_B = Uuid.parse("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
  static final Uuid NIC_STALE = Uuid.parse("7d444840-9dc0-11d1-b245-5ffdce74fad2");
  static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  private Samples() {
  }

  /** Dual stack on bond0, vlan 100, mtu 9000, interface proxy mode. */
  static NetworkSpec network() {
    return NetworkSpec.builder().uuid(NET).name("guest-a").segment(Segment.vlan(100))
        .trunk(InterfaceName.of("bond0")).gateway4(GatewayAddress.parse("10.1.1.1/24"))
        .gateway6(GatewayAddress.parse("fd00:1::1/64")).mtu(9000).proxyMode(ProxyMode.INTERFACE).build();
  }

  /** IPv4 only, the daemon's default trunk, vlan 200. */
  static NetworkSpec otherNetwork() {
    return NetworkSpec.builder().uuid(OTHER_NET).segment(Segment.vlan(200))
        .gateway4(GatewayAddress.parse("10.2.2.1/24")).build();
  }

  static NicSpec nicA() {
    return NicSpec.builder().uuid(NIC_A).mac(MacAddress.parse("02:00:4c:4f:4f:50"))
        .ipv4(List.of(IpAddress.parse("203.0.113.10"), IpAddress.parse("203.0.113.11")))
        .ipv6(List.of(IpAddress.parse("2001:db8::10"))).build();
  }

  static NicSpec nicB() {
    return NicSpec.builder().uuid(NIC_B).mac(MacAddress.parse("02:00:4c:4f:4f:51"))
        .addAddress(IpAddress.parse("203.0.113.20")).build();
  }

  /** A NIC the daemon holds that the apply file no longer lists; it has nicB's MAC, as a replaced VM would. */
  static NicSpec staleNic() {
    return NicSpec.builder().uuid(NIC_STALE).mac(MacAddress.parse("02:00:4c:4f:4f:51")).build();
  }

  static NetworkStatus applied(long revision) {
    return NetworkStatus.builder().desiredRevision(revision).appliedRevision(revision)
        .conditions(List.of(Condition.builder().type("Applied").status(Condition.Status.TRUE).reason("Reconciled")
            .message("kernel matches revision " + revision).since(T0).build())).build();
  }

  static NetworkStatus failing(long desired, long applied, String error) {
    return NetworkStatus.builder().desiredRevision(desired).appliedRevision(applied).lastError(error).build();
  }

  static NetworkState state(NetworkSpec spec, List<NicSpec> nics, NetworkStatus status) {
    return NetworkState.builder().spec(spec).nics(nics).status(status).build();
  }

  static RouterStatus routerStatus() {
    return RouterStatus.builder().version("0.1.0").networks(2).nics(3).lastReconcile(T0).drifted(List.of(NET))
        .metadata(ServiceState.ON).antiSpoofing(ServiceState.OFF).build();
  }

  static Plan plan() {
    return Plan.builder().addStep(PlannedStep.builder().network(NET).action("create link bond0.100").build())
        .addStep(PlannedStep.builder().action("set sysctl net.ipv4.ip_forward=1").build()).build();
  }
}
