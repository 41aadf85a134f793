package org.linuxrouter.rtnetlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Boundary validation: bad input is refused before anything reaches the kernel, with a message naming it. */
class ValuesTest {
    @Test
    void interfaceNamesFollowTheKernelsRules() {
        assertEquals("expected an interface name of 1..15 bytes, got 18 (\"enp129s0f1np1.4094\")",
                assertThrows(IllegalArgumentException.class, () -> LinkCodec.delete("enp129s0f1np1.4094"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> LinkCodec.delete("eth1:100"));
        assertThrows(IllegalArgumentException.class, () -> LinkCodec.delete("a b"));
        assertThrows(IllegalArgumentException.class, () -> LinkCodec.delete(".."));
        assertEquals("enp129s0f1.4094", LinkCodec.delete("enp129s0f1.4094").operation().substring(12));
    }

    @Test
    void vlanIdsAreOneTo4094() {
        assertEquals("expected a VLAN id of 1..4094, got 4095", assertThrows(IllegalArgumentException.class,
                () -> new LinkKind.Vlan(2, 4095, VlanProtocol.IEEE_802_1Q)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LinkKind.Vlan(2, 0, VlanProtocol.IEEE_802_1Q));
    }

    @Test
    void prefixesAreNumericAndInRange() {
        assertEquals("expected a prefix length of 0..32 for 192.0.2.1, got 33",
                assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse("192.0.2.1/33")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse("example.org/24"));
        assertEquals("2001:db8:0:0:0:0:0:1/128", IpPrefix.parse("2001:db8::1/128").toString());
    }

    @Test
    void routeGatewayMustMatchTheDestinationFamily() throws Exception {
        Route.Builder route = Route.builder(IpPrefix.parse("10.0.0.0/8")).gateway(InetAddress.getByName("fe80::1"));
        assertThrows(IllegalArgumentException.class, route::build);
    }

    @Test
    void exceptionMessageNamesOperationErrnoAndKernelReason() {
        NetlinkException e = new NetlinkException("RTM_NEWLINK eth1.100", 17, Optional.empty(), null);
        assertEquals("RTM_NEWLINK eth1.100 failed: EEXIST (File exists)", e.getMessage());
        assertEquals("EEXIST", e.errnoName());
        NetlinkException withReason = new NetlinkException("RTM_NEWADDR 192.0.2.1/24 dev 3", 17,
                Optional.of("ipv4: Address already assigned"), null);
        assertEquals("RTM_NEWADDR 192.0.2.1/24 dev 3 failed: EEXIST (File exists); kernel says: ipv4: Address"
                + " already assigned", withReason.getMessage());
    }
}
