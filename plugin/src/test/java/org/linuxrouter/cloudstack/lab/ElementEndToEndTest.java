package org.linuxrouter.cloudstack.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.linuxrouter.cloudstack.reconcile.HeldNetworks;
import org.linuxrouter.cloudstack.reconcile.RouterSync;
import org.linuxrouter.cloudstack.reconcile.SyncMode;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.NetworkPlacements;
import org.linuxrouter.cloudstack.registry.RouterScope;
import org.linuxrouter.cloudstack.testing.CloudStackVm;
import org.linuxrouter.cloudstack.testing.GuestNetworks;
import org.linuxrouter.cloudstack.testing.PluginFixture;
import org.linuxrouter.daemon.Daemon;
import org.linuxrouter.daemon.config.DaemonConfig;
import org.linuxrouter.daemon.config.ListenAddress;
import org.linuxrouter.daemon.config.RateLimit;
import org.linuxrouter.daemon.config.VxlanSettings;
import org.linuxrouter.daemon.tls.SecretFile;
import org.linuxrouter.protocol.client.CertificateFingerprint;
import org.linuxrouter.protocol.client.HttpRouterClient;
import org.linuxrouter.protocol.client.RouterClient;
import org.linuxrouter.protocol.client.RouterClientConfig;
import org.linuxrouter.protocol.client.RouterRejectedException;
import org.linuxrouter.protocol.model.GuestService;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.testkit.guest.CloudStackDatasource;
import org.linuxrouter.testkit.net.Ip;
import org.linuxrouter.testkit.net.Netns;

import com.cloud.exception.ResourceUnavailableException;
import com.cloud.network.Network;
import com.cloud.vm.Nic;
import com.cloud.vm.NicProfile;
import com.cloud.vm.NicVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.VirtualMachineProfile;
import com.cloud.vm.dao.NicDao;

/**
 * The element's real methods, called as CloudStack's orchestrator calls them (Mockito-made Network, NicProfile and
 * VM profile), through the real HTTPS client (pinned certificate, signed requests) to a real linuxrouterd started
 * in this process, which configures this kernel. Runs inside the UML lab ({@link VlanLabTest}), where the guest's
 * own network stack is the router: {@code eth1} is the trunk (a veth whose other end is in the VM's namespace,
 * where VLAN 100 is a subinterface, as a hypervisor's bridge would deliver it), {@code eth0} a dummy uplink.
 * Everything is read back with iproute2.
 */
@Tag("vlan")
class ElementEndToEndTest {
    private static final String NET = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private static final String OTHER_NET = "7a2d3b4c-5e6f-4a70-9b8c-0d1e2f3a4b5c";
    private static final String NIC = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";
    private static final String VM_IP = "203.0.113.10";
    private static final String GATEWAY = "203.0.113.1";
    private static final String VM_UUID = "c2b0aa11-2b3c-4d5e-8f90-a1b2c3d4e5f6";
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIN9sDY8RWy8Kmw2ItRGzSeJ8QtEirkISEMVD7iLXRbVx ops@example";

    private static Path dir;
    private static Daemon daemon;
    private static Netns vm;
    private static RouterClient client;
    private static String url;
    private static String secret;

    private final Ip ip = Ip.host();
    private final PluginFixture plugin = new PluginFixture();
    private final Network network = GuestNetworks.shared(5, NET, 100, GATEWAY, "203.0.113.0/24");
    private final NicProfile nic = GuestNetworks.nic(NIC, "02:00:4c:4f:4f:50", VM_IP, null);
    private LinuxRouterVO router;

    @BeforeAll
    static void routerAndVm() throws IOException {
        dir = Files.createTempDirectory("lr-e2e");
        Ip.host().batch(List.of("link add eth0 type dummy", "link set eth0 up"));
        vm = Netns.create("vm1");
        Ip.host().run("link", "add", "eth1", "type", "veth", "peer", "name", "trunk0", "netns", vm.name());
        Ip.host().run("link", "set", "eth1", "up");
        vm.ip().batch(List.of("link set trunk0 up", "link add link trunk0 name trunk0.100 type vlan id 100",
                "addr add " + VM_IP + "/24 dev trunk0.100", "link set trunk0.100 up",
                "route add default via " + GATEWAY));
        DaemonConfig defaults = DaemonConfig.defaults();
        daemon = Daemon.start(new DaemonConfig(new ListenAddress(InetAddress.getLoopbackAddress(), freePort()), true,
                dir.resolve("tls.p12"), dir.resolve("secret"), dir.resolve("state"), InterfaceName.of("eth1"),
                Optional.of(InterfaceName.of("eth0")), defaults.proxyMode(), Duration.ofMinutes(5), 1024 * 1024,
                new RateLimit(1000, 1000), defaults.logLevel(), VxlanSettings.DEFAULTS, Optional.empty(),
                // the guest services: dnsmasq (its files on the guest's private /run) and the metadata server; the UML
                // kernel has no nftables for anti-spoofing
                Optional.of(DaemonConfig.DEFAULT_DNSMASQ_DIR), true, false), "e2e");
        url = "https://127.0.0.1:" + daemon.address().getPort();
        secret = new SecretFile(dir.resolve("secret")).load().encoded();
        client = new HttpRouterClient(RouterClientConfig.builder().baseUrl(URI.create(url))
                .pin(CertificateFingerprint.parse(daemon.fingerprint().orElseThrow()))
                .secret(new SecretFile(dir.resolve("secret")).load()).build());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        daemon.close();
        vm.close();
    }

    @AfterEach
    void clearTheRouter() throws Exception {
        for (NetworkState held : client.listNetworks()) {
            client.deleteNetwork(held.spec().uuid());
        }
    }

    private LinuxRouterVO register() {
        LinuxRouterVO vo = plugin.registries.router("lab-router", RouterScope.zone(GuestNetworks.ZONE), url, "eth1");
        vo.setSecret(secret);
        vo.setFingerprint(daemon.fingerprint().orElseThrow());
        return vo;
    }

    @Test
    void prepareConfiguresTheVlanTheVmPingsItsGatewayASecondPrepareIsANoOpDestroyRemovesIt() throws Exception {
        router = register();

        assertTrue(plugin.element.prepare(network, nic, vm(), null, null));

        JsonNode link = ip.link("eth1.100");
        assertEquals("vlan", link.path("linkinfo").path("info_kind").asText());
        assertEquals(100, link.path("linkinfo").path("info_data").path("id").asInt());
        assertEquals("802.1Q", link.path("linkinfo").path("info_data").path("protocol").asText());
        assertEquals(List.of(GATEWAY + "/24"), addresses("eth1.100"));
        assertEquals(List.of(VM_IP), destinations(ip.json("route", "show", "proto", "210")));
        assertEquals(List.of(VM_IP), proxies("eth0"));
        assertEquals(0, vm.exec("ping", "-c", "1", "-W", "3", GATEWAY).exitCode(), "the vm pings its gateway");
        assertEquals(Map.of(NetworkPlacements.ROUTER_KEY, router.getUuid(), NetworkPlacements.VLAN_KEY, "100",
                NetworkPlacements.SEGMENT_KEY, "vlan://100"),
                plugin.details.of(5));

        int ifindex = link.path("ifindex").asInt();
        long revision = revision();
        assertTrue(plugin.element.prepare(network, nic, vm(), null, null));
        assertEquals(ifindex, ip.link("eth1.100").path("ifindex").asInt(), "the vlan interface was not recreated");
        assertEquals(revision, revision(), "the router's desired state did not change");

        when(network.getBroadcastUri()).thenReturn(null);
        assertTrue(plugin.element.destroy(network, null));

        assertFalse(linkNames().contains("eth1.100"), linkNames().toString());
        assertEquals(List.of(), destinations(ip.json("route", "show", "proto", "210")));
        assertEquals(List.of(), proxies("eth0"));
        assertEquals(Optional.empty(), client.getNetwork(Uuid.parse(NET)));
        assertEquals(Map.of(), plugin.details.of(5));
    }

    @Test
    void releaseTakesOnlyTheNicsRoutesAway() throws Exception {
        router = register();
        plugin.element.prepare(network, nic, vm(), null, null);

        assertTrue(plugin.element.release(network, nic, vm(), null));

        assertEquals(List.of(), destinations(ip.json("route", "show", "proto", "210")));
        assertEquals(List.of(), proxies("eth0"));
        assertEquals(List.of(GATEWAY + "/24"), addresses("eth1.100"), "the network stays");
    }

    @Test
    void aVlanAnotherNetworkUsesIsRefusedNamingRouterAndNetwork() throws Exception {
        router = register();
        plugin.element.prepare(network, nic, vm(), null, null);
        Network other = GuestNetworks.shared(6, OTHER_NET, 100, "198.51.100.1", "198.51.100.0/24");

        ResourceUnavailableException e = assertThrows(ResourceUnavailableException.class,
                () -> plugin.element.implement(other, null, null, null));

        assertTrue(e.getMessage().startsWith("router lab-router (" + url + ") refused to put network " + OTHER_NET
                + " (guest-100): "), e.getMessage());
        assertInstanceOf(RouterRejectedException.class, e.getCause());
        assertEquals(409, ((RouterRejectedException) e.getCause()).problem().status());
        assertEquals(List.of(GATEWAY + "/24"), addresses("eth1.100"), "the first network is untouched");
    }

    @Test
    void syncRestoresWhatARouterLost() throws Exception {
        router = register();
        plugin.element.prepare(network, nic, vm(), null, null);
        client.deleteNetwork(Uuid.parse(NET));
        assertFalse(linkNames().contains("eth1.100"));
        NicDao nics = mock(NicDao.class);
        NicVO stored = mock(NicVO.class);
        when(stored.getUuid()).thenReturn(NIC);
        when(stored.getMacAddress()).thenReturn("02:00:4c:4f:4f:50");
        when(stored.getIPv4Address()).thenReturn(VM_IP);
        when(stored.getVmType()).thenReturn(VirtualMachine.Type.User);
        when(stored.getState()).thenReturn(Nic.State.Reserved);
        when(nics.listByNetworkId(5L)).thenReturn(List.of(stored));
        when(plugin.registries.entities().findById(eq(Network.class), eq(5L))).thenReturn(network);

        new RouterSync(new HeldNetworks(plugin.placements, plugin.registries.entities(), nics), plugin.gateway,
                plugin.registry).sync(router, SyncMode.EVERYTHING);

        assertEquals(List.of(GATEWAY + "/24"), addresses("eth1.100"));
        assertEquals(List.of(VM_IP), proxies("eth0"));
        assertEquals(0, vm.exec("ping", "-c", "1", "-W", "3", GATEWAY).exitCode(), "the vm pings its gateway again");
    }

    @Test
    void aVmDeployedThroughTheElementGetsItsUserDataKeysAndPasswordFromTheRoutersMetadataServer() throws Exception {
        router = register();
        String userData = "#cloud-config\nruncmd: [[touch, /tmp/deployed-by-linuxrouter]]\n";
        CloudStackVm cloudStack = new CloudStackVm(plugin, network, nic, 77, 42, VM_UUID, "web-1",
                Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8)), KEY);
        VirtualMachineProfile profile = cloudStack.profile("Tr0ub4dor&3");

        // the calls NetworkOrchestrator.prepareElement makes at the VM's start, in its order
        assertTrue(plugin.element.prepare(network, nic, profile, null, null));
        assertTrue(plugin.element.addDhcpEntry(network, nic, profile, null, null));
        assertTrue(plugin.element.addDnsEntry(network, nic, profile, null, null));
        assertTrue(plugin.element.addPasswordAndUserdata(network, nic, profile, null, null));

        JsonNode found = CloudStackDatasource.fetch(vm.name(), Duration.ofSeconds(90));
        assertTrue(found.path("found").asBoolean(), found.toString());
        assertEquals(GATEWAY, found.path("server").asText());
        assertEquals(VM_UUID, found.path("instance_id").asText());
        assertEquals(userData, found.path("user_data").asText());
        assertEquals(KEY, found.path("public_keys").path(0).asText());
        assertEquals("web-1", found.path("metadata").path("local-hostname").asText());
        assertEquals(CloudStackVm.SERVICE_OFFERING, found.path("metadata").path("service-offering").asText());
        assertEquals("Tr0ub4dor&3", found.path("password").asText());
        assertTrue(found.path("second_password").isNull(), "the password is handed out once: " + found);

        NetworkState held = client.getNetwork(Uuid.parse(NET)).orElseThrow();
        assertEquals(Set.of(GuestService.DHCP, GuestService.DNS, GuestService.USERDATA), held.spec().services());
        assertTrue(held.nics().get(0).userData().orElseThrow().isRedacted(), "the router never returns user data");
        assertTrue(held.nics().get(0).password().isEmpty(), "the acknowledged password is gone");
    }

    private long revision() throws Exception {
        return client.getNetwork(Uuid.parse(NET)).orElseThrow().status().desiredRevision();
    }

    private static VirtualMachineProfile vm() {
        VirtualMachineProfile profile = mock(VirtualMachineProfile.class);
        when(profile.getType()).thenReturn(VirtualMachine.Type.User);
        return profile;
    }

    private List<String> addresses(String dev) {
        JsonNode info = ip.json("addr", "show", "dev", dev).get(0).path("addr_info");
        return StreamSupport.stream(info.spliterator(), false).filter(a -> a.path("family").asText().equals("inet"))
                .map(a -> a.path("local").asText() + "/" + a.path("prefixlen").asInt()).collect(Collectors.toList());
    }

    private List<String> linkNames() {
        return ip.json("link", "show").findValues("ifname").stream().map(JsonNode::asText).collect(Collectors.toList());
    }

    private List<String> proxies(String dev) {
        return ip.json("neigh", "show", "proxy", "dev", dev).findValues("dst").stream().map(JsonNode::asText).sorted()
                .collect(Collectors.toList());
    }

    private static List<String> destinations(JsonNode routes) {
        return routes.findValues("dst").stream().map(JsonNode::asText).collect(Collectors.toList());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
