package org.linuxrouter.daemon.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linuxrouter.daemon.config.VxlanSettings;
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
import org.linuxrouter.protocol.model.VxlanMode;
import org.linuxrouter.protocol.model.VxlanOptions;
import org.linuxrouter.rtnetlink.Rtnl;
import org.linuxrouter.testkit.net.Ip;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.process.Command;

/**
 * NetlinkKernel with VXLAN networks against the host kernel (which has vxlan, unlike 802.1Q), in a namespace of
 * its own with a veth underlay. Everything is read back with iproute2 and {@code bridge}, not with rtnetlink.
 * Needs root.
 */
class NetlinkKernelVxlanTest {

    private static final String NET = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private static final Topology TOPOLOGY = new Topology(InterfaceName.of("eth1"), Optional.of(InterfaceName.of("eth0")),
            new VxlanSettings(Optional.of(InterfaceName.of("under0")), VxlanMode.MULTICAST, Optional.empty(), List.of()));

    private Netns ns;
    private Ip ip;
    private Rtnl rtnl;
    private NetlinkKernel kernel;

    @BeforeEach
    void router() {
        ns = Netns.create("vxk" + ProcessHandle.current().pid());
        ip = ns.ip();
        ip.batch(List.of("link add eth0 type veth peer name eth0p", "link add under0 type veth peer name under0p",
                "link set eth0 up", "link set under0 up", "addr add 192.0.2.1/24 dev under0"));
        rtnl = Rtnl.openIn(Path.of("/run/netns", ns.name()));
        kernel = new NetlinkKernel(rtnl, Optional.of("eth0"));
    }

    @AfterEach
    void cleanup() {
        rtnl.close();
        ns.close();
    }

    @Test
    void multicastNetworkIsBuiltAsModifyvxlanShBuildsIt() {
        KernelState desired = network(spec(70000, null), "203.0.113.5");
        assertAllSucceeded(kernel.apply(Differ.diff(desired, kernel.observe())));

        JsonNode link = ip.link("vxlan70000");
        JsonNode data = link.path("linkinfo").path("info_data");
        assertEquals("vxlan", link.path("linkinfo").path("info_kind").asText());
        assertEquals(70000, data.path("id").asInt());
        assertEquals("239.1.17.112", data.path("group").asText(), "239.(VNI>>16).(VNI>>8 & 255).(VNI & 255)");
        assertEquals(10, data.path("ttl").asInt());
        assertEquals("under0", data.path("link").asText());
        assertEquals(8472, data.path("port").asInt());
        assertTrue(data.path("learning").asBoolean());
        assertEquals(1450, link.path("mtu").asInt(), "the underlay's 1500 less the VXLAN overhead");
        assertEquals("linuxrouter:" + NET, link.path("ifalias").asText());
        assertEquals(List.of("203.0.113.5", "239.1.17.112"), destinations(ip.json("route", "show", "proto", "210")));
        assertEquals("under0", ip.json("route", "show", "239.1.17.112/32").get(0).path("dev").asText());
        assertEquals(List.of(), describe(Differ.diff(desired, kernel.observe())), "a second pass has nothing to do");
    }

    @Test
    void unicastNetworkFloodsToEachVtepAndFollowsListChanges() {
        NetworkSpec spec = spec(5001, new VxlanOptions(null, VxlanMode.UNICAST, IpAddress.parse("192.0.2.1"),
                List.of(IpAddress.parse("192.0.2.11"), IpAddress.parse("192.0.2.12"))));
        KernelState desired = network(spec);
        assertAllSucceeded(kernel.apply(Differ.diff(desired, kernel.observe())));
        JsonNode data = ip.link("vxlan5001").path("linkinfo").path("info_data");
        assertEquals(4789, data.path("port").asInt());
        assertEquals("192.0.2.1", data.path("local").asText());
        assertFalse(data.has("group"));
        assertEquals(List.of("192.0.2.11", "192.0.2.12"), floods("vxlan5001"));
        assertEquals(List.of(), describe(Differ.diff(desired, kernel.observe())));

        NetworkSpec changed = spec(5001, new VxlanOptions(null, VxlanMode.UNICAST, IpAddress.parse("192.0.2.1"),
                List.of(IpAddress.parse("192.0.2.12"), IpAddress.parse("192.0.2.13"))));
        int index = ip.link("vxlan5001").path("ifindex").asInt();
        assertAllSucceeded(kernel.apply(Differ.diff(network(changed), kernel.observe())));
        assertEquals(List.of("192.0.2.12", "192.0.2.13"), floods("vxlan5001"));
        assertEquals(index, ip.link("vxlan5001").path("ifindex").asInt(), "a VTEP list change keeps the device");
    }

    @Test
    void deletingRemovesAllItCreatedAndNothingElse() {
        ip.run("link", "add", "vxlan9", "type", "vxlan", "id", "9", "group", "239.0.0.9", "dev", "under0", "ttl", "10");
        ip.run("route", "add", "239.0.0.9/32", "dev", "under0");
        assertAllSucceeded(kernel.apply(Differ.diff(network(spec(70000, null), "203.0.113.5"), kernel.observe())));

        assertAllSucceeded(kernel.apply(Differ.diff(KernelState.EMPTY, kernel.observe())));
        assertEquals(List.of("vxlan9"), vxlanNames(), "the operator's own VXLAN stays");
        assertEquals(List.of(), destinations(ip.json("route", "show", "proto", "210")));
        assertEquals(1, ip.json("route", "show", "239.0.0.9/32").size(), "the operator's group route stays");
        assertEquals(KernelState.EMPTY, kernel.observe());
    }

    @Test
    void aMissingUnderlayFailsThatStepWithAClearReason() {
        NetworkSpec spec = spec(5002, new VxlanOptions(InterfaceName.of("eth9"), null, null, null));
        List<StepResult> results = kernel.apply(Differ.diff(network(spec), kernel.observe()));
        assertEquals("underlay eth9 not found", results.stream().filter(r -> r.step() instanceof Step.CreateLink)
                .findFirst().orElseThrow().failure().orElseThrow());
    }

    private static NetworkSpec spec(int vni, VxlanOptions options) {
        return NetworkSpec.builder().uuid(Uuid.parse(NET)).segment(Segment.vxlan(vni))
                .gateway4(GatewayAddress.parse("10.1.1.1/24")).vxlan(options).build();
    }

    private static KernelState network(NetworkSpec spec, String... publicIps) {
        NicSpec.Builder nic = NicSpec.builder().uuid(Uuid.parse("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d"))
                .mac(MacAddress.parse("02:00:00:00:00:05"));
        for (String p : publicIps) {
            nic.addAddress(IpAddress.parse(p));
        }
        return new DesiredKernel(TOPOLOGY).add(spec, List.of(nic.build())).build();
    }

    private List<String> floods(String device) {
        var result = Command.run(List.of("ip", "netns", "exec", ns.name(), "bridge", "-j", "fdb", "show", "dev", device))
                .requireSuccess();
        TreeSet<String> out = new TreeSet<>();
        for (JsonNode e : Ip.parse(result.stdout(), result.argv())) {
            if (e.path("mac").asText().equals("00:00:00:00:00:00") && e.has("dst")) {
                out.add(e.path("dst").asText());
            }
        }
        return new ArrayList<>(out);
    }

    private List<String> vxlanNames() {
        List<String> names = new ArrayList<>();
        ip.json("link", "show", "type", "vxlan").forEach(l -> names.add(l.path("ifname").asText()));
        return names;
    }

    private static List<String> destinations(JsonNode routes) {
        List<String> out = new ArrayList<>();
        routes.forEach(r -> out.add(r.path("dst").asText()));
        return out;
    }

    private static List<String> describe(List<Step> steps) {
        return steps.stream().map(Step::describe).toList();
    }

    private static void assertAllSucceeded(List<StepResult> results) {
        assertEquals(List.of(), results.stream().filter(r -> r.failure().isPresent()).map(Object::toString).toList());
    }
}
