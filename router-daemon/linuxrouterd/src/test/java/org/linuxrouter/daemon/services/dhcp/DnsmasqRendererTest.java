package org.linuxrouter.daemon.services.dhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linuxrouter.daemon.reconcile.Topology;
import org.linuxrouter.daemon.store.DesiredState;
import org.linuxrouter.protocol.model.DhcpOption;
import org.linuxrouter.protocol.model.DnsDomain;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.GuestService;
import org.linuxrouter.protocol.model.Hostname;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;

/** The exact files for one dual-stack network with a default and a non-default NIC. */
class DnsmasqRendererTest {
    private static final Uuid NET = Uuid.parse("a1000000-0000-4000-8000-000000000001");
    private static final Uuid NIC_1 = Uuid.parse("c1000000-0000-4000-8000-00000000000a");
    private static final Uuid NIC_2 = Uuid.parse("c2000000-0000-4000-8000-00000000000b");
    private final DnsmasqRenderer renderer = new DnsmasqRenderer(new Topology(InterfaceName.of("eth1"),
            Optional.empty()), Path.of("/run/lr"));

    private static NetworkSpec.Builder network() {
        return NetworkSpec.builder().uuid(NET).segment(Segment.vlan(100))
                .gateway4(GatewayAddress.parse("203.0.113.1/25")).gateway6(GatewayAddress.parse("2001:db8:1::1/64"))
                .mtu(1450).services(List.of(GuestService.DHCP, GuestService.DNS))
                .dnsServers(List.of(IpAddress.parse("192.0.2.53"), IpAddress.parse("2001:db8::53")))
                .domain(DnsDomain.parse("cloudnine.internal"));
    }

    private static DesiredState state(NetworkSpec spec) {
        return DesiredState.EMPTY.withNetwork(spec)
                .withNic(NET, NicSpec.builder().uuid(NIC_1).mac(MacAddress.parse("02:00:00:00:00:01"))
                        .addAddress(IpAddress.parse("203.0.113.10")).addAddress(IpAddress.parse("2001:db8:1::10"))
                        .hostname(Hostname.parse("web-1")).build())
                .withNic(NET, NicSpec.builder().uuid(NIC_2).mac(MacAddress.parse("02:00:00:00:00:02"))
                        .addAddress(IpAddress.parse("198.51.100.7")).addAddress(IpAddress.parse("203.0.113.11"))
                        .defaultNic(false).dhcpOptions(List.of(DhcpOption.of(6, "9.9.9.9"), DhcpOption.of(67, "pxe.0")))
                        .build());
    }

    @Test
    void filesAreWhatCloudStacksRouterWouldServe() {
        DnsmasqConfig config = renderer.render(state(network().build()));
        assertTrue(config.main().contains("\ninterface=eth1.100\n"
                + "dhcp-range=set:na1000000000040008000000000000001,203.0.113.0,static,255.255.255.128,infinite\n"
                + "dhcp-range=set:na1000000000040008000000000000001,2001:db8:1::,ra-only,64\n"
                + "dhcp-mac=set:cc200000000004000800000000000000b,02:00:00:00:00:02\n"
                + "enable-ra\n"), config.main());
        assertTrue(config.main().contains("\ndhcp-ignore=tag:!known\n") && config.main().contains("\nleasefile-ro\n")
                && config.main().contains("\ndhcp-authoritative\n")
                && config.main().contains("\nlocalise-queries\n") && config.main().contains("\nno-resolv\n"));
        assertEquals("server=192.0.2.53\nserver=2001:db8::53\n", config.servers());
        assertEquals("02:00:00:00:00:01,203.0.113.10,web-1,infinite\n",
                config.hosts().get("nic-" + NIC_1.value()));
        assertEquals("02:00:00:00:00:02,203.0.113.11,infinite\n", config.hosts().get("nic-" + NIC_2.value()),
                "the address inside the network's subnet");
        String tag = "tag:na1000000000040008000000000000001,";
        assertEquals(tag + "option:router,203.0.113.1\n" + tag + "option:dns-server,203.0.113.1,192.0.2.53\n"
                + tag + "option6:dns-server,[2001:db8:1::1],[2001:db8::53]\n"
                + tag + "option:domain-name,cloudnine.internal\n" + tag + "option:mtu,1450\n",
                config.options().get("net-" + NET.value()));
        String nic = "tag:cc200000000004000800000000000000b,tag:eth1.100,";
        assertEquals(nic + "3\n" + nic + "15\n" + nic + "6,9.9.9.9\n" + nic + "67,pxe.0\n",
                config.options().get("nic-" + NIC_2.value()), "no router/domain for a non-default NIC; its own DNS");
        assertFalse(config.options().containsKey("nic-" + NIC_1.value()), "a plain default NIC needs no options");
        assertEquals("203.0.113.1 data-server\n2001:db8:1::1 data-server\n", config.names().get("net-" + NET.value()));
        assertEquals("203.0.113.10 web-1 web-1.cloudnine.internal\n2001:db8:1::10 web-1 web-1.cloudnine.internal\n",
                config.names().get("nic-" + NIC_1.value()));
        assertEquals(new DnsmasqConfig.Lease("eth1.100", "203.0.113.10", "02:00:00:00:00:01"),
                config.leases().get(NIC_1.value()));
        assertTrue(config.serves());
    }

    @Test
    void anIpv6PrefixOtherThanASlash64GetsNoAdvertisementsSoDnsmasqStillStarts() {
        DnsmasqConfig config = renderer.render(state(network().gateway6(GatewayAddress.parse("2001:db8:1:0:8000::1/65"))
                .build()));
        assertFalse(config.main().contains("ra-only"), config.main());
        assertFalse(config.main().contains("enable-ra"), config.main());
        assertTrue(config.main().contains(",static,255.255.255.128,infinite\n"), "DHCPv4 still served");
    }

    @Test
    void networksWithoutGuestServicesGetNothing() {
        DnsmasqConfig config = renderer.render(state(network().services(List.of()).build()));
        assertFalse(config.serves());
        assertTrue(config.hosts().isEmpty() && config.options().isEmpty() && config.names().isEmpty());
    }

    @Test
    void dnsOnlyNetworksGetNoDhcp() {
        DnsmasqConfig config = renderer.render(state(network().services(List.of(GuestService.DNS)).build()));
        assertTrue(config.main().contains("\ninterface=eth1.100\nno-dhcp-interface=eth1.100\n"), config.main());
        assertFalse(config.main().contains("dhcp-range"));
        assertTrue(config.hosts().isEmpty());
        assertEquals(2, config.names().size());
    }
}
