package org.linuxrouter.daemon.store;

import java.util.List;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.ProxyMode;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;

/** Valid networks and NICs for the store tests. */
final class StoreFixtures {
  static final Uuid NET_A = Uuid.parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
  static final Uuid NET_B = Uuid.parse("0a0b0c0d-0000-4000-8000-000000000002");
  static final Uuid NIC_1 = Uuid.parse("9c5b94b1-35ad-49bb-b118-8e8fc24abf80");
  static final Uuid NIC_2 = Uuid.parse("1b4e28ba-2fa1-11d2-883f-0016d3cca427");

  private StoreFixtures() {
  }

  static NetworkSpec networkA() {
    return NetworkSpec.builder().uuid(NET_A).name("guest \"a\" ünïcode").segment(Segment.vlan(100))
        .trunk(InterfaceName.of("bond0")).gateway4(GatewayAddress.parse("10.1.1.1/24"))
        .gateway6(GatewayAddress.parse("fd00:1::1/64")).mtu(9000).proxyMode(ProxyMode.INTERFACE).build();
  }

  static NetworkSpec networkB() {
    return NetworkSpec.builder().uuid(NET_B).segment(Segment.vlan(200))
        .gateway4(GatewayAddress.parse("10.2.2.1/24")).build();
  }

  static NicSpec nic(Uuid uuid, String mac, String... addresses) {
    NicSpec.Builder builder = NicSpec.builder().uuid(uuid).mac(MacAddress.parse(mac));
    for (String address : addresses) {
      builder.addAddress(IpAddress.parse(address));
    }
    return builder.build();
  }

  static NicSpec nic1() {
    return nic(NIC_1, "02:00:4c:4f:4f:50", "203.0.113.10", "203.0.113.11", "2001:db8::10");
  }

  static NicSpec nic2() {
    return nic(NIC_2, "02:00:4c:4f:4f:51", "203.0.113.20");
  }

  /** Two networks, three NICs, a few revisions in. */
  static DesiredState sample() {
    return DesiredState.EMPTY.withNetwork(networkA()).withNic(NET_A, nic1()).withNic(NET_A, nic2())
        .withNetwork(networkB())
        .withNic(NET_B, nic(Uuid.parse("00000000-0000-4000-8000-00000000000b"), "02:00:00:00:00:0b",
            "198.51.100.7"));
  }

  static List<Uuid> keys(DesiredState state) {
    return List.copyOf(state.networks().keySet());
  }
}
