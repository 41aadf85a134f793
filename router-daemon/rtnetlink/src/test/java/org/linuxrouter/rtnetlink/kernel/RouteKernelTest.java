package org.linuxrouter.rtnetlink.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linuxrouter.rtnetlink.IpPrefix;
import org.linuxrouter.rtnetlink.NetlinkException;
import org.linuxrouter.rtnetlink.Route;
import org.linuxrouter.rtnetlink.Rtnl;
import org.linuxrouter.rtnetlink.testing.FreshNetns;
import org.linuxrouter.rtnetlink.testing.Ip;
import org.linuxrouter.rtnetlink.wire.Rtm;

/** Host routes tagged with our protocol number, read back with {@code ip -j route show}. Needs root. */
@FreshNetns
class RouteKernelTest {
    private static final int OURS = 250;
    private Rtnl rtnl;
    private int eth1;

    @BeforeEach
    void open() {
        eth1 = KernelFixture.upVeth("eth1");
        rtnl = Rtnl.open();
    }

    @AfterEach
    void close() {
        rtnl.close();
    }

    @Test
    void ipv4HostRouteCarriesOurProtocolAndScopeLink() throws Exception {
        Route vm = Route.hostRoute(InetAddress.getByName("198.51.100.7"), eth1, OURS);
        rtnl.routes().add(vm);
        JsonNode shown = Ip.json("route", "show", "198.51.100.7/32").get(0);
        assertEquals("eth1", shown.get("dev").asText());
        assertEquals("250", shown.get("protocol").asText());
        assertEquals("link", shown.get("scope").asText());
        assertTrue(rtnl.routes().list().contains(vm), rtnl.routes().list().toString());

        rtnl.routes().delete(vm);
        assertEquals(0, Ip.json("route", "show", "198.51.100.7/32").size());
    }

    @Test
    void ipv6HostRouteCarriesOurProtocol() throws Exception {
        rtnl.routes().add(Route.hostRoute(InetAddress.getByName("2001:db8:1::7"), eth1, OURS));
        JsonNode shown = Ip.json("-6", "route", "show", "2001:db8:1::7/128").get(0);
        assertEquals("eth1", shown.get("dev").asText());
        assertEquals("250", shown.get("protocol").asText());
        List<Route> ours = rtnl.routes().list().stream().filter(r -> r.protocol() == OURS)
                .collect(Collectors.toList());
        assertEquals(1, ours.size());
        assertEquals(IpPrefix.parse("2001:db8:1::7/128"), ours.get(0).destination());
        assertEquals(eth1, ours.get(0).outputInterface().getAsInt());
    }

    @Test
    void replaceIsIdempotentAndAddIsNot() throws Exception {
        Route vm = Route.hostRoute(InetAddress.getByName("198.51.100.7"), eth1, OURS);
        rtnl.routes().replace(vm);
        rtnl.routes().replace(vm);
        assertEquals(1, Ip.json("route", "show", "198.51.100.7/32").size());
        NetlinkException dup = assertThrows(NetlinkException.class, () -> rtnl.routes().add(vm));
        assertTrue(dup.isAlreadyExists());
    }

    @Test
    void deleteTouchesOnlyRoutesWithOurProtocol() throws Exception {
        Ip.run("route", "add", "198.51.100.8/32", "dev", "eth1", "proto", "static", "scope", "link");
        Route notOurs = Route.hostRoute(InetAddress.getByName("198.51.100.8"), eth1, OURS);
        NetlinkException e = assertThrows(NetlinkException.class, () -> rtnl.routes().delete(notOurs));
        assertTrue(e.isNotFound(), e.getMessage());
        assertEquals("ESRCH", e.errnoName());
        assertEquals(1, Ip.json("route", "show", "198.51.100.8/32").size());
    }

    @Test
    void gatewayRouteInAnotherTableIsListedThere() throws Exception {
        Ip.run("addr", "add", "192.0.2.1/24", "dev", "eth1");
        Route route = Route.builder(IpPrefix.parse("10.0.0.0/8")).gateway(InetAddress.getByName("192.0.2.254"))
                .table(1000).protocol(OURS).priority(20).build();
        rtnl.routes().add(route);
        JsonNode shown = Ip.json("route", "show", "table", "1000").get(0);
        assertEquals("10.0.0.0/8", shown.get("dst").asText());
        assertEquals("192.0.2.254", shown.get("gateway").asText());
        assertEquals(20, shown.get("metric").asInt());
        assertTrue(rtnl.routes().list(1000).contains(Route.builder(IpPrefix.parse("10.0.0.0/8"))
                .gateway(InetAddress.getByName("192.0.2.254")).table(1000).protocol(OURS).priority(20)
                .outputInterface(eth1).build()), rtnl.routes().list(1000).toString());
        assertTrue(rtnl.routes().list().stream().noneMatch(r -> r.table() == 1000));
    }

    @Test
    void routeViaADownDeviceCarriesTheKernelsReason() throws Exception {
        Ip.run("link", "add", "d0", "type", "veth", "peer", "name", "d0p");
        NetlinkException e = assertThrows(NetlinkException.class, () -> rtnl.routes().add(
                Route.hostRoute(InetAddress.getByName("198.51.100.9"), Ip.index("d0"), OURS)));
        assertEquals("ENETDOWN", e.errnoName());
        assertTrue(e.extack().orElseThrow().contains("not up"), e.getMessage());
        assertEquals(Rtm.RT_SCOPE_LINK, Route.hostRoute(InetAddress.getByName("198.51.100.9"), 2, OURS).scope());
    }
}
