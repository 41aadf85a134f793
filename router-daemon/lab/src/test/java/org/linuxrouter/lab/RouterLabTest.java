package org.linuxrouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.linuxrouter.protocol.client.RouterClient;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.RouterStatus;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.ServiceState;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.testkit.guest.CloudStackDatasource;
import org.linuxrouter.testkit.guest.Dhclient;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.net.ZoneResolver;

/**
 * The whole router in the 802.1Q kernel (runs inside UML through {@link VlanLabTest}): linuxrouterd as a process
 * in its namespace, driven over HTTPS like CloudStack drives it, proven with pings and read back with iproute2;
 * the guest services (firewall off: this kernel lacks nftables' netdev family) with the real clients: ISC
 * dhclient, dig, cloud-init's CloudStack datasource.
 * One scenario in order: each step builds on the state the previous one left.
 */
@Tag("vlan")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouterLabTest {

    private static final Duration START = Duration.ofSeconds(120);

    private static final String ZONE_NAME = "www.upstream.test";
    private static final String ZONE_ADDRESS = "203.0.113.7";

    private LabTopology lab;
    private DaemonProcess daemon;
    private RouterClient client;
    private Path work;

    @BeforeAll
    void start() throws Exception {
        lab = LabTopology.build();
        work = Files.createTempDirectory("lrlab-guests");
        daemon = new DaemonProcess(lab.router, Files.createTempDirectory("lrlab"));
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
        if (work != null) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void twoNetworksAreAppliedAsCloudStackSendsThem() throws Exception {
        assertApplied(client.putNetwork(LabNetworks.publicNetwork()));
        assertApplied(client.putNic(LabNetworks.PUBLIC, LabNetworks.vm1(lab.vm1)));
        assertApplied(client.putNetwork(LabNetworks.privateNetwork()));
        assertApplied(client.putNic(LabNetworks.PRIVATE, LabNetworks.vm2(lab.vm2)));

        JsonNode vlan = lab.router.ip().link("eth1.100");
        assertEquals("vlan", vlan.path("linkinfo").path("info_kind").asText());
        assertEquals(100, vlan.path("linkinfo").path("info_data").path("id").asInt());
        assertEquals("802.1Q", vlan.path("linkinfo").path("info_data").path("protocol").asText());
        assertTrue(addresses("eth1.100").containsAll(List.of("198.51.100.129/25", "2001:db8:0:1:8000::1/65")));
        assertEquals(200, lab.router.ip().link("eth1.200").path("linkinfo").path("info_data").path("id").asInt());
        assertEquals("1", sysctl("net.ipv4.ip_forward"));
    }

    @Test
    @Order(2)
    void vmsReachTheirGatewayAndEachOtherAcrossVlans() {
        assertTrue(lab.vm1.ping("198.51.100.129"), "vm1 -> its gateway");
        assertTrue(lab.vm2.ping("10.2.2.1"), "vm2 -> its gateway");
        assertTrue(lab.vm1.ping("10.2.2.10"), "vm1 (VLAN 100) -> vm2 (VLAN 200)");
        assertTrue(lab.vm2.ping("198.51.100.130"), "vm2 (VLAN 200) -> vm1 (VLAN 100)");
    }

    @Test
    @Order(3)
    void dhclientGetsTheAssignedLeaseAndNamesResolveOrAreForwarded() throws Exception {
        try (ZoneResolver zone = ZoneResolver.start(lab.upstream, LabNetworks.ZONE_DNS, Map.of(ZONE_NAME, ZONE_ADDRESS))) {
            Map<String, String> lease = Dhclient.lease(lab.vm2.name(), "eth0", work, 10)
                    .orElseThrow(() -> new AssertionError("vm2 got no lease:\n" + DaemonProcess.read(daemon.log())));
            assertEquals("10.2.2.10", lease.get("fixed-address"));
            assertEquals("255.255.255.0", lease.get("subnet-mask"));
            assertEquals("10.2.2.1", lease.get("routers"));
            assertEquals("10.2.2.1," + LabNetworks.ZONE_DNS, lease.get("domain-name-servers"), "router, then zone");
            assertEquals("\"vm-two\"", lease.get("host-name"));
            assertEquals("\"lab.internal\"", lease.get("domain-name"));

            Map<String, String> other = Dhclient.lease(lab.vm1.name(), "eth0", work, 10)
                    .orElseThrow(() -> new AssertionError("vm1 got no lease:\n" + DaemonProcess.read(daemon.log())));
            assertEquals("198.51.100.130", other.get("fixed-address"));
            assertEquals("255.255.255.128", other.get("subnet-mask"));
            assertFalse(other.containsKey("routers"), "not the VM's default NIC: no router " + other);
            assertFalse(other.containsKey("domain-name-servers"), "not the VM's default NIC: no DNS " + other);

            // one exec for all the names (every exec costs ~0.1 s in UML): dig prints one answer line per query
            List<String> answers = List.of(lab.vm2.exec("dig", "+short", "+time=3", "+tries=2", "@10.2.2.1",
                    "vm-two", "A", "vm-two.lab.internal", "A", "data-server", "A", ZONE_NAME, "A")
                    .requireSuccess().stdout().strip().split("\n"));
            assertEquals(List.of("10.2.2.10", "10.2.2.10", "10.2.2.1", ZONE_ADDRESS), answers,
                    "vm-two, its full name, data-server (the asking network's gateway), a name only the zone knows");
        }
    }

    @Test
    @Order(4)
    void cloudInitFetchesItsDataOverTheVlanAndTheStatusSaysTheFirewallIsOff() throws Exception {
        // the resolver a DHCP-configured guest has: the router, so cloud-init finds "data-server" by DNS
        Path etc = Files.createDirectories(Path.of("/etc/netns", lab.vm2.name()));
        Files.writeString(etc.resolve("resolv.conf"), "search lab.internal\nnameserver 10.2.2.1\n");
        JsonNode found;
        try {
            found = CloudStackDatasource.fetch(lab.vm2.name(), Duration.ofSeconds(120));
        } finally {
            Files.delete(etc.resolve("resolv.conf"));
            Files.delete(etc);
        }
        assertTrue(found.path("found").asBoolean(), found + "\n" + DaemonProcess.read(daemon.log()));
        assertEquals("10.2.2.1", found.path("server").asText());
        assertEquals("b0000000-0000-4000-8000-000000000002", found.path("instance_id").asText());
        assertEquals(LabNetworks.USER_DATA, found.path("user_data").asText());
        assertEquals(LabNetworks.SSH_KEY, found.path("public_keys").path(0).asText());
        assertEquals("vm-two", found.path("metadata").path("local-hostname").asText());
        assertEquals(LabNetworks.PASSWORD, found.path("password").asText());
        assertEquals("saved_password", found.path("second_answer").asText());

        RouterStatus status = client.status();
        assertEquals(ServiceState.OFF, status.antiSpoofing(), "switched off by configuration in the UML lab");
        assertEquals(ServiceState.ON, status.metadata());
        assertEquals("running", status.dnsmasq().orElse("absent"));
    }

    @Test
    @Order(5)
    void upstreamReachesAPublicVmThroughItsPerAddressProxyEntry() {
        assertEquals("0", sysctl("net.ipv4.conf.eth0.proxy_arp"), "no interface-wide proxy ARP in this mode");
        assertTrue(proxies().contains("198.51.100.130"), proxies().toString());
        assertTrue(lab.upstream.ping("198.51.100.130"), "upstream -> vm1 by proxy ARP");
    }

    @Test
    @Order(6)
    void upstreamReachesThePublicVmOverIpv6ThroughNdpProxy() {
        assertTrue(proxies().contains("2001:db8:0:1:8000::2"), proxies().toString());
        assertEquals("1", sysctl("net.ipv6.conf.eth0.proxy_ndp"));
        assertTrue(lab.upstream.ping("2001:db8:0:1:8000::2"), "upstream -> vm1 by NDP proxy");
    }

    @Test
    @Order(7)
    void deletingANetworkRemovesAllItCreatedAndNothingElse() throws Exception {
        RouterState before = RouterState.of(lab.router);
        assertApplied(client.putNetwork(LabNetworks.recipeNetwork()));
        assertApplied(client.putNic(LabNetworks.RECIPE, LabNetworks.vm3(lab.vm3)));
        assertEquals("1", sysctl("net.ipv4.conf.eth0.proxy_arp"), "the recipe's interface-wide proxy ARP");
        assertFalse(proxies().contains("198.51.100.66"), "interface mode needs no per-address entry");
        assertTrue(lab.upstream.ping("198.51.100.66"), "upstream -> vm3 by interface-wide proxy ARP");
        assertTrue(lab.vm3.ping("198.51.100.130"), "vm3 -> vm1");

        client.deleteNetwork(LabNetworks.RECIPE);
        assertEquals(before, RouterState.of(lab.router));
        assertEquals("0", sysctl("net.ipv4.conf.eth0.proxy_arp"));
        assertTrue(lab.upstream.ping("198.51.100.130"), "the other networks still work");
    }

    @Test
    @Order(8)
    void aHandDeletedVlanInterfaceIsBackWithinTwoSeconds() throws Exception {
        lab.router.ip().run("link", "del", "eth1.100");
        long start = System.nanoTime();
        while (!addresses("eth1.100").contains("198.51.100.129/25")) {
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "eth1.100 never came back");
            Thread.sleep(20);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("hand-deleted eth1.100 restored in " + took.toMillis() + " ms");
        assertTrue(took.compareTo(Duration.ofSeconds(2)) <= 0, "restored in " + took.toMillis() + " ms");
        assertTrue(lab.vm1.ping("10.2.2.10"));
    }

    @Test
    @Order(9)
    void aDaemonKilledDuringAnApplyConvergesAfterRestart() throws Exception {
        List<NetworkSpec> burst = new ArrayList<>();
        for (int vlan = 1000; vlan < 1030; vlan++) {
            burst.add(burstNetwork(vlan));
        }
        int acked = daemon.killWhileWriting(client, burst, 3);

        daemon.start(START);
        client = daemon.client();
        List<NetworkState> stored = client.listNetworks();
        assertTrue(stored.size() >= 2 + acked, "every acknowledged write survived: " + stored.size() + " < 2 + " + acked);
        assertTrue(DaemonProcess.converges(client, Duration.ofSeconds(30)), "kernel matches desired state: "
                + client.plan());
        for (NetworkState s : stored) {
            String link = "eth1." + s.spec().segment().id();
            assertTrue(addresses(link).contains(s.spec().gateway4().toString()), link + " has " + addresses(link));
        }
        assertTrue(lab.upstream.ping("198.51.100.130"), "still routing after the crash");
    }

    private static NetworkSpec burstNetwork(int vlan) {
        String uuid = String.format("c0000000-0000-4000-8000-%012d", vlan);
        return NetworkSpec.builder().uuid(Uuid.parse(uuid)).segment(Segment.vlan(vlan))
                .gateway4(GatewayAddress.parse("10.100." + (vlan - 1000) + ".1/24")).build();
    }

    private static void assertApplied(NetworkState state) {
        assertTrue(state.status().isApplied(), "not applied: " + state.status());
    }

    private String sysctl(String key) {
        return lab.router.exec("sysctl", "-n", key).requireSuccess().stdout().trim();
    }

    private List<String> addresses(String link) {
        JsonNode links = lab.router.ip().json("addr", "show");
        List<String> out = new ArrayList<>();
        for (JsonNode l : links) {
            if (link.equals(l.path("ifname").asText())) {
                l.path("addr_info").forEach(a -> out.add(a.path("local").asText() + "/" + a.path("prefixlen").asInt()));
            }
        }
        return out;
    }

    private Set<String> proxies() {
        return StreamSupport.stream(lab.router.ip().json("neigh", "show", "proxy").spliterator(), false)
                .map(n -> n.path("dst").asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** What iproute2 shows of the router's links, addresses, routes and proxy entries, order-free. */
    record RouterState(Set<String> links, Set<String> addresses, Set<String> routes, Set<String> proxies) {
        static RouterState of(Netns router) {
            Set<String> links = texts(router.ip().json("link", "show"), l -> l.path("ifname").asText());
            Set<String> addresses = new TreeSet<>();
            for (JsonNode l : router.ip().json("addr", "show")) {
                l.path("addr_info").forEach(a -> addresses.add(l.path("ifname").asText() + " " + a.path("local").asText()
                        + "/" + a.path("prefixlen").asInt()));
            }
            Set<String> routes = texts(router.ip().json("route", "show"), r -> r.path("dst").asText() + " " + r.path("dev").asText());
            routes.addAll(texts(router.ip().json("-6", "route", "show"), r -> r.path("dst").asText() + " " + r.path("dev").asText()));
            Set<String> proxies = texts(router.ip().json("neigh", "show", "proxy"), n -> n.path("dst").asText());
            return new RouterState(links, addresses, routes, proxies);
        }

        private static Set<String> texts(JsonNode array, java.util.function.Function<JsonNode, String> f) {
            return StreamSupport.stream(array.spliterator(), false).map(f).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
