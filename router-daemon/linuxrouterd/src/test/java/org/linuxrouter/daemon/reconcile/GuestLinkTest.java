package org.linuxrouter.daemon.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linuxrouter.daemon.config.VxlanSettings;
import org.linuxrouter.daemon.kernel.FloodEntry;
import org.linuxrouter.daemon.kernel.HostRoute;
import org.linuxrouter.daemon.kernel.LinkSpec;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.protocol.model.ValidationException;
import org.linuxrouter.protocol.model.VxlanMode;
import org.linuxrouter.protocol.model.VxlanOptions;

/** The one mapping from segments to links: VLAN as before, VXLAN as CloudStack's scripts build it. Pure. */
class GuestLinkTest {
    private static final Topology ROUTER = new Topology(InterfaceName.of("eth1"), Optional.empty(),
            new VxlanSettings(Optional.of(InterfaceName.of("eth2")), VxlanMode.MULTICAST, Optional.empty(),
                    List.of(IpAddress.parse("10.0.0.11"), IpAddress.parse("10.0.0.12"))));

    @Test
    void multicastGroupIsModifyvxlanShsDerivation() throws Exception {
        // 239.$(( (VNI >> 16) % 256 )).$(( (VNI >> 8) % 256 )).$(( VNI % 256 ))
        assertEquals(InetAddress.getByName("239.0.0.1"), GuestLink.multicastGroup(1));
        assertEquals(InetAddress.getByName("239.0.19.137"), GuestLink.multicastGroup(5001));
        assertEquals(InetAddress.getByName("239.1.17.112"), GuestLink.multicastGroup(70000));
        assertEquals(InetAddress.getByName("239.255.255.255"), GuestLink.multicastGroup(16_777_215));
    }

    @Test
    void multicastVxlanIsTheScriptsDeviceAndGroupRoute() throws Exception {
        GuestLink link = GuestLink.of(spec(5001, null), ROUTER);
        InetAddress group = InetAddress.getByName("239.0.19.137");
        assertEquals("vxlan5001", link.name());
        assertEquals(new LinkSpec.Vxlan(5001, "eth2", Optional.of(group), Optional.empty(), 10, 8472, true), link.spec());
        assertEquals(Set.of(new HostRoute(group, "eth2")), link.underlayRoutes());
        assertEquals(Set.of(), link.floods());
    }

    @Test
    void unicastVxlanFloodsToTheRoutersVtepsUnlessTheSpecNamesItsOwn() throws Exception {
        GuestLink routers = GuestLink.of(spec(7, new VxlanOptions(null, VxlanMode.UNICAST, null, null)), ROUTER);
        assertEquals(Set.of(new FloodEntry("vxlan7", InetAddress.getByName("10.0.0.11")),
                new FloodEntry("vxlan7", InetAddress.getByName("10.0.0.12"))), routers.floods());
        assertEquals(new LinkSpec.Vxlan(7, "eth2", Optional.empty(), Optional.empty(), 0, 4789, true), routers.spec());
        assertEquals(Set.of(), routers.underlayRoutes());

        GuestLink own = GuestLink.of(spec(7, new VxlanOptions(InterfaceName.of("bond0"), VxlanMode.UNICAST,
                IpAddress.parse("10.0.0.1"), List.of(IpAddress.parse("10.0.0.99")))), ROUTER);
        assertEquals(Set.of(new FloodEntry("vxlan7", InetAddress.getByName("10.0.0.99"))), own.floods());
        assertEquals("bond0", own.lowerDevice());
        assertEquals(Optional.of(InetAddress.getByName("10.0.0.1")), ((LinkSpec.Vxlan) own.spec()).local());
    }

    @Test
    void unicastWithoutAnyVtepIsRefused() {
        Topology bare = new Topology(InterfaceName.of("eth1"), Optional.empty());
        ValidationException e = assertThrows(ValidationException.class,
                () -> GuestLink.of(spec(7, new VxlanOptions(null, VxlanMode.UNICAST, null, null)), bare));
        assertEquals("vxlan.vteps", e.field());
    }

    @Test
    void underlayDefaultsToTheTrunkAndVlanIsUnchanged() {
        Topology bare = new Topology(InterfaceName.of("eth1"), Optional.empty());
        assertEquals("eth1", GuestLink.of(spec(9, null), bare).lowerDevice());
        NetworkSpec vlan = NetworkSpec.builder().uuid(Uuid.parse("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"))
                .segment(Segment.vlan(100)).gateway4(GatewayAddress.parse("10.1.1.1/24")).build();
        GuestLink link = GuestLink.of(vlan, bare);
        assertEquals("eth1.100", link.name());
        assertEquals(new LinkSpec.Vlan("eth1", 100), link.spec());
    }

    @Test
    void wiringChecksTheUnderlayAndLeavesRoomForTheOverhead() {
        NetworkSpec spec = spec(9, null).newBuilder().mtu(8950).build();
        GuestLink link = GuestLink.of(spec, ROUTER);
        link.checkWiring(spec, ROUTER, name -> java.util.OptionalInt.of(9000));
        ValidationException tooBig = assertThrows(ValidationException.class, () -> link.checkWiring(
                spec.newBuilder().mtu(8951).build(), ROUTER, name -> java.util.OptionalInt.of(9000)));
        assertEquals("mtu", tooBig.field());
        ValidationException missing = assertThrows(ValidationException.class,
                () -> link.checkWiring(spec, ROUTER, name -> java.util.OptionalInt.empty()));
        assertEquals("vxlan.underlay", missing.field());
    }

    private static NetworkSpec spec(int vni, VxlanOptions options) {
        return NetworkSpec.builder().uuid(Uuid.parse("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b")).segment(Segment.vxlan(vni))
                .gateway4(GatewayAddress.parse("10.1.1.1/24")).vxlan(options).build();
    }
}
