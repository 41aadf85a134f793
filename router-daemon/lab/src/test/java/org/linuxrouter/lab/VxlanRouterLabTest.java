package org.linuxrouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.linuxrouter.protocol.client.RouterClient;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.protocol.model.VxlanMode;
import org.linuxrouter.protocol.model.VxlanOptions;
import org.linuxrouter.testkit.vxlan.GuestVm;
import org.linuxrouter.testkit.vxlan.VxlanHypervisor;
import org.linuxrouter.testkit.vxlan.VxlanLab;

/**
 * The router on VXLAN networks, on the host kernel (no UML): linuxrouterd as a process in testkit's
 * {@link VxlanLab}, hypervisors built with CloudStack's own modifyvxlan.sh commands, VMs behind their bridges,
 * driven over HTTPS like CloudStack drives it and proven with pings. hv1 joins multicast VNIs, hv2 unicast ones
 * (the router floods to it by a static VTEP list). One scenario in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VxlanRouterLabTest {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Uuid PUBLIC = uuid(5001);
    private static final Uuid PRIVATE = uuid(70000);
    private static final Uuid UNICAST_PUBLIC = uuid(6001);
    private static final Uuid UNICAST_PRIVATE = uuid(6002);

    private VxlanLab lab;
    private DaemonProcess daemon;
    private RouterClient client;
    private VxlanHypervisor hv1;
    private VxlanHypervisor hv2;
    private GuestVm vmA;
    private GuestVm vmB;

    @BeforeAll
    void start() throws Exception {
        lab = VxlanLab.create("vxr");
        hv1 = lab.addHypervisor(1);
        hv2 = lab.addHypervisor(2);
        daemon = new DaemonProcess(lab.router(), Files.createTempDirectory("vxrlab"), lab.apiAddress(), List.of(
                "trunk_interface = " + VxlanLab.ROUTER_UNDERLAY,
                "uplink_interface = " + VxlanLab.ROUTER_UPLINK,
                "vxlan_underlay = " + VxlanLab.ROUTER_UNDERLAY,
                "vxlan_mode = multicast",
                "vxlan_vteps = " + hv2.address()));
        daemon.start(START);
        client = daemon.client();
    }

    @AfterAll
    void stop() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void multicastNetworksAreBuiltAsTheHypervisorsBuildThem() throws Exception {
        hv1.joinMulticast(5001);
        hv1.joinMulticast(70000);
        vmA = hv1.startVm("a", 5001, "198.51.100.130/25", "198.51.100.129");
        vmB = hv1.startVm("b", 70000, "10.2.2.10/24", "10.2.2.1");
        assertApplied(client.putNetwork(network(PUBLIC, Segment.vxlan(5001), "198.51.100.129/25", null)));
        assertApplied(client.putNic(PUBLIC, nic(1, vmA, "198.51.100.130")));
        assertApplied(client.putNetwork(network(PRIVATE, Segment.vxlan(70000), "10.2.2.1/24", null)));
        assertApplied(client.putNic(PRIVATE, nic(2, vmB, "10.2.2.10")));

        JsonNode hv = hv1.netns().ip().link("vxlan70000").path("linkinfo").path("info_data");
        JsonNode router = lab.router().ip().link("vxlan70000").path("linkinfo").path("info_data");
        for (String field : List.of("id", "group", "ttl", "port", "learning")) {
            assertEquals(hv.path(field), router.path(field), field + ": the router's device is the hypervisor's");
        }
        assertEquals("239.1.17.112", router.path("group").asText());
        assertEquals(VxlanLab.ROUTER_UNDERLAY, router.path("link").asText());
        assertEquals(VxlanLab.ROUTER_UNDERLAY,
                lab.router().ip().json("route", "show", "239.1.17.112/32").path(0).path("dev").asText());
    }

    @Test
    @Order(2)
    void vmsReachTheGatewayEachOtherAcrossVnisAndUpstreamReachesThePublicVm() {
        assertTrue(vmA.ping("198.51.100.129"), "vmA -> its gateway");
        assertTrue(vmB.ping("10.2.2.1"), "vmB -> its gateway");
        assertTrue(vmA.ping("10.2.2.10"), "vmA (VNI 5001) -> vmB (VNI 70000) through the router");
        assertTrue(vmB.ping("198.51.100.130"), "vmB -> vmA");
        assertTrue(lab.upstream().ping("198.51.100.130"), "upstream -> vmA's public IP by proxy ARP");
    }

    @Test
    @Order(3)
    void unicastNetworksFloodToTheVtepListAndRouteLikeAnyOther() throws Exception {
        hv2.joinUnicast(6001, List.of(VxlanLab.ROUTER_UNDERLAY_ADDRESS));
        hv2.joinUnicast(6002, List.of(VxlanLab.ROUTER_UNDERLAY_ADDRESS));
        GuestVm vmC = hv2.startVm("c", 6001, "198.51.100.66/26", "198.51.100.65");
        GuestVm vmD = hv2.startVm("d", 6002, "10.3.3.10/24", "10.3.3.1");
        VxlanOptions unicast = new VxlanOptions(null, VxlanMode.UNICAST, null, null);
        assertApplied(client.putNetwork(network(UNICAST_PUBLIC, Segment.vxlan(6001), "198.51.100.65/26", unicast)));
        assertApplied(client.putNic(UNICAST_PUBLIC, nic(3, vmC, "198.51.100.66")));
        assertApplied(client.putNetwork(network(UNICAST_PRIVATE, Segment.vxlan(6002), "10.3.3.1/24", unicast)));
        assertApplied(client.putNic(UNICAST_PRIVATE, nic(4, vmD, "10.3.3.10")));

        assertEquals(List.of(hv2.address()), floods("vxlan6001"), "one flood entry per VTEP of vxlan_vteps");
        assertEquals(4789, lab.router().ip().link("vxlan6001").path("linkinfo").path("info_data").path("port").asInt());
        assertTrue(vmC.ping("198.51.100.65"), "vmC -> its gateway");
        assertTrue(vmC.ping("10.3.3.10"), "vmC (VNI 6001) -> vmD (VNI 6002)");
        assertTrue(vmD.ping("198.51.100.130"), "unicast vmD -> multicast vmA");
        assertTrue(lab.upstream().ping("198.51.100.66"), "upstream -> vmC by proxy ARP");
    }

    @Test
    @Order(4)
    void deletingANetworkRemovesAllItCreatedAndNothingElse() throws Exception {
        lab.router().ip().run("link", "add", "vxlan9", "type", "vxlan", "id", "9", "group", "239.0.0.9", "ttl", "10",
                "dev", VxlanLab.ROUTER_UNDERLAY);
        lab.router().ip().run("route", "add", "239.0.0.9/32", "dev", VxlanLab.ROUTER_UNDERLAY);
        RouterLabTest.RouterState before = RouterLabTest.RouterState.of(lab.router());
        Uuid extra = uuid(7000);
        assertApplied(client.putNetwork(network(extra, Segment.vxlan(7000), "10.70.0.1/24", null)));
        assertApplied(client.putNic(extra, NicSpec.builder().uuid(uuid(7001)).mac(MacAddress.parse("02:00:00:00:70:01"))
                .addAddress(IpAddress.parse("198.51.100.70")).build()));
        assertTrue(lab.router().ip().json("link", "show", "dev", "vxlan7000").size() == 1);

        client.deleteNetwork(extra);
        assertEquals(before, RouterLabTest.RouterState.of(lab.router()), "the operator's vxlan9 and its route stay");
        assertTrue(vmA.ping("10.2.2.10"), "the other networks still work");
    }

    @Test
    @Order(5)
    void aHandDeletedVxlanDeviceIsBackWithinTwoSeconds() throws Exception {
        lab.router().ip().run("link", "del", "vxlan5001");
        long start = System.nanoTime();
        while (!addresses("vxlan5001").contains("198.51.100.129/25")) {
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "vxlan5001 never came back");
            Thread.sleep(20);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("hand-deleted vxlan5001 restored in " + took.toMillis() + " ms");
        assertTrue(took.compareTo(Duration.ofSeconds(2)) <= 0, "restored in " + took.toMillis() + " ms");
        assertTrue(lab.upstream().ping("198.51.100.130"), "upstream -> vmA again");
    }

    @Test
    @Order(6)
    void aDaemonKilledDuringAnApplyConvergesAfterRestart() throws Exception {
        List<NetworkSpec> burst = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            burst.add(network(uuid(90000 + i), Segment.vxlan(90000 + i), "10.90." + i + ".1/24", null));
        }
        int acked = daemon.killWhileWriting(client, burst, 3);

        daemon.start(START);
        client = daemon.client();
        List<NetworkState> stored = client.listNetworks();
        assertTrue(stored.size() >= 4 + acked, "every acknowledged write survived: " + stored.size() + " < 4 + " + acked);
        assertTrue(DaemonProcess.converges(client, Duration.ofSeconds(30)), "kernel matches desired state: "
                + client.plan());
        for (NetworkState s : stored) {
            String link = "vxlan" + s.spec().segment().id();
            assertTrue(addresses(link).contains(s.spec().gateway4().toString()), link + " has " + addresses(link));
        }
        assertTrue(lab.upstream().ping("198.51.100.130"), "still routing after the crash");
    }

    private static NetworkSpec network(Uuid uuid, Segment segment, String gateway, VxlanOptions options) {
        return NetworkSpec.builder().uuid(uuid).segment(segment).gateway4(GatewayAddress.parse(gateway))
                .vxlan(options).build();
    }

    private static NicSpec nic(int n, GuestVm vm, String address) {
        return NicSpec.builder().uuid(uuid(n)).mac(MacAddress.parse(vm.mac())).addAddress(IpAddress.parse(address))
                .build();
    }

    private static Uuid uuid(int n) {
        return Uuid.parse(String.format("d0000000-0000-4000-8000-%012d", n));
    }

    private static void assertApplied(NetworkState state) {
        assertTrue(state.status().isApplied(), "not applied: " + state.status());
    }

    private List<String> addresses(String link) {
        List<String> out = new ArrayList<>();
        for (JsonNode l : lab.router().ip().json("addr", "show")) {
            if (link.equals(l.path("ifname").asText())) {
                l.path("addr_info").forEach(a -> out.add(a.path("local").asText() + "/" + a.path("prefixlen").asInt()));
            }
        }
        return out;
    }

    private List<String> floods(String device) {
        List<String> out = new ArrayList<>();
        var result = lab.router().exec("bridge", "-j", "fdb", "show", "dev", device).requireSuccess();
        for (JsonNode e : org.linuxrouter.testkit.net.Ip.parse(result.stdout(), result.argv())) {
            if (e.path("mac").asText().equals("00:00:00:00:00:00") && e.has("dst")) {
                out.add(e.path("dst").asText());
            }
        }
        return out;
    }
}
