package org.linuxrouter.daemon.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.linuxrouter.daemon.reconcile.DesiredKernel;
import org.linuxrouter.daemon.reconcile.Differ;
import org.linuxrouter.daemon.reconcile.Topology;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.rtnetlink.Rtnl;
import org.linuxrouter.testkit.net.Ip;
import org.linuxrouter.testkit.net.Netns;

/**
 * NetlinkKernel against a real 802.1Q kernel: needs the 8021q module, so it runs inside the user-mode-linux lab
 * ({@code VlanLabTest}), never on the CI host kernel. Everything is read back with iproute2, not with rtnetlink.
 */
@Tag("vlan")
class NetlinkKernelVlanTest {

    private static final String NET = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private static final Topology TOPOLOGY = new Topology(InterfaceName.of("eth1"), Optional.of(InterfaceName.of("eth0")));

    private Netns ns;
    private Ip ip;
    private Rtnl rtnl;
    private NetlinkKernel kernel;

    @BeforeEach
    void router() {
        ns = Netns.create("lrk" + ProcessHandle.current().pid());
        ip = ns.ip();
        ip.batch(List.of("link add eth0 type dummy", "link add eth1 type dummy", "link set eth0 up", "link set eth1 up"));
        rtnl = Rtnl.openIn(Path.of("/run/netns", ns.name()));
        kernel = new NetlinkKernel(rtnl, Optional.of("eth0"));
    }

    @AfterEach
    void cleanup() {
        rtnl.close();
        ns.close();
    }

    @Test
    void appliesANetworkAsIproute2SeesIt() {
        KernelState desired = network("10.1.1.1/24", "203.0.113.5", "2001:db8::5");
        assertAllSucceeded(kernel.apply(Differ.diff(desired, kernel.observe())));

        JsonNode link = ip.link("eth1.100");
        assertEquals("vlan", link.path("linkinfo").path("info_kind").asText());
        assertEquals(100, link.path("linkinfo").path("info_data").path("id").asInt());
        assertEquals("802.1Q", link.path("linkinfo").path("info_data").path("protocol").asText());
        assertEquals("linuxrouter:" + NET, link.path("ifalias").asText());
        assertTrue(flags(link).contains("UP"), link.toString());
        assertTrue(addresses("eth1.100").contains("10.1.1.1/24"), addresses("eth1.100").toString());
        assertEquals(List.of("203.0.113.5"), destinations(ip.json("route", "show", "proto", "210")));
        assertEquals(List.of("2001:db8::5"), destinations(ip.json("-6", "route", "show", "proto", "210")));
        assertEquals(List.of("2001:db8::5", "203.0.113.5"), proxies());

        KernelState observed = kernel.observe();
        assertEquals(desired.addresses(), observed.addresses(), "what the daemon reads back is what it asked for");
        assertEquals(desired.routes(), observed.routes());
        assertEquals(desired.proxies(), observed.proxies());
        assertEquals(desired.links().keySet(), observed.links().keySet());
        assertEquals(List.of(), describe(Differ.diff(desired, observed)), "a second pass has nothing to do");
    }

    @Test
    void deletingTheNetworkRemovesAllItCreatedAndNothingElse() {
        ip.run("link", "add", "link", "eth1", "name", "eth1.300", "type", "vlan", "id", "300");
        ip.run("route", "add", "198.51.100.7", "dev", "eth1", "proto", "static");
        ip.run("neigh", "add", "proxy", "198.51.100.7", "dev", "eth0");
        KernelState desired = network("10.1.1.1/24", "203.0.113.5");
        assertAllSucceeded(kernel.apply(Differ.diff(desired, kernel.observe())));

        assertAllSucceeded(kernel.apply(Differ.diff(KernelState.EMPTY, kernel.observe())));

        assertFalse(linkNames().contains("eth1.100"));
        assertTrue(linkNames().containsAll(List.of("eth0", "eth1", "eth1.300")), "foreign links stay: " + linkNames());
        assertEquals(List.of("198.51.100.7"), proxies(), "the operator's own proxy entry stays");
        assertEquals(List.of(), destinations(ip.json("route", "show", "proto", "210")));
        assertEquals(KernelState.EMPTY, kernel.observe());
    }

    @Test
    void handDeletedInterfaceAndAddressAreFoundAndRestored() {
        KernelState desired = network("10.1.1.1/24", "203.0.113.5");
        assertAllSucceeded(kernel.apply(Differ.diff(desired, kernel.observe())));
        ip.run("addr", "del", "10.1.1.1/24", "dev", "eth1.100");
        // The kernel drops every IPv4 route through a link that loses its last IPv4 address, so the host route
        // (and with it the claim on the proxy entry) must come back too.
        assertEquals(List.of("add address 10.1.1.1/24 dev eth1.100", "add route 203.0.113.5 dev eth1.100",
                "add proxy 203.0.113.5 dev eth0"), describe(Differ.diff(desired, kernel.observe())));
        ip.run("link", "del", "eth1.100");

        assertAllSucceeded(kernel.apply(Differ.diff(desired, kernel.observe())));
        assertTrue(addresses("eth1.100").contains("10.1.1.1/24"));
        assertEquals(List.of("203.0.113.5"), destinations(ip.json("route", "show", "proto", "210")));
        assertEquals(List.of(), describe(Differ.diff(desired, kernel.observe())));
    }

    @Test
    void aMissingTrunkFailsThatStepWithAClearReason() {
        NetworkSpec spec = spec("10.9.9.1/24").newBuilder().trunk(InterfaceName.of("eth9")).build();
        KernelState desired = new DesiredKernel(TOPOLOGY).add(spec, List.of()).build();
        List<StepResult> results = kernel.apply(Differ.diff(desired, kernel.observe()));
        assertEquals("trunk eth9 not found", results.get(0).failure().orElseThrow());
    }

    private KernelState network(String gateway, String... publicIps) {
        NicSpec.Builder nic = NicSpec.builder().uuid(Uuid.parse("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d"))
                .mac(MacAddress.parse("02:00:00:00:00:05"));
        for (String p : publicIps) {
            nic.addAddress(IpAddress.parse(p));
        }
        return new DesiredKernel(TOPOLOGY).add(spec(gateway), List.of(nic.build())).build();
    }

    private static NetworkSpec spec(String gateway) {
        return NetworkSpec.builder().uuid(Uuid.parse(NET)).segment(Segment.vlan(100))
                .gateway4(GatewayAddress.parse(gateway)).build();
    }

    private static List<String> describe(List<Step> steps) {
        return steps.stream().map(Step::describe).collect(Collectors.toList());
    }

    private static void assertAllSucceeded(List<StepResult> results) {
        List<String> failed = results.stream().filter(r -> !r.succeeded())
                .map(r -> r.step().describe() + ": " + r.failure().orElseThrow()).collect(Collectors.toList());
        assertEquals(List.of(), failed);
    }

    private static List<String> flags(JsonNode link) {
        return streamText(link.path("flags"));
    }

    private List<String> addresses(String dev) {
        JsonNode info = ip.json("addr", "show", "dev", dev).get(0).path("addr_info");
        return java.util.stream.StreamSupport.stream(info.spliterator(), false)
                .map(a -> a.path("local").asText() + "/" + a.path("prefixlen").asInt()).collect(Collectors.toList());
    }

    private List<String> linkNames() {
        return ip.json("link", "show").findValues("ifname").stream().map(JsonNode::asText).collect(Collectors.toList());
    }

    private List<String> proxies() {
        return ip.json("neigh", "show", "proxy").findValues("dst").stream().map(JsonNode::asText).sorted()
                .collect(Collectors.toList());
    }

    private static List<String> destinations(JsonNode routes) {
        return routes.findValues("dst").stream().map(JsonNode::asText).collect(Collectors.toList());
    }

    private static List<String> streamText(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.toList());
    }
}
