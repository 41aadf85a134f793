package org.linuxrouter.daemon.services.dhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linuxrouter.daemon.kernel.KernelState;
import org.linuxrouter.daemon.reconcile.DesiredSnapshot;
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
import org.linuxrouter.testkit.guest.Dhclient;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.net.NetnsGroup;
import org.linuxrouter.testkit.process.Command;

/**
 * Guest DHCP and DNS with the real parts, on the host kernel: the stage runs a real dnsmasq in a router namespace;
 * VM namespaces run Debian's ISC dhclient (own lease, pid and config files, a no-op script) and dig. The router's
 * guest links are a bridge named like the VLAN link the daemon would create ({@code lrdd0.100}: the host kernel
 * has no 802.1Q, the name is all dnsmasq sees) with one veth per VM.
 */
class DhcpDnsNetnsTest {
    private static final String TRUNK = "lrdd0";
    private static final Uuid NET_A = Uuid.parse("a1000000-0000-4000-8000-000000000001");
    private static final Uuid NET_B = Uuid.parse("b2000000-0000-4000-8000-000000000002");
    private static final MacAddress MAC_1 = MacAddress.parse("02:00:00:61:00:0a");
    private static final MacAddress MAC_2 = MacAddress.parse("02:00:00:62:00:0a");
    private static final MacAddress MAC_3 = MacAddress.parse("02:00:00:61:00:0b");

    private final String id = UUID.randomUUID().toString().substring(0, 6);
    private final NetnsGroup group = new NetnsGroup("lrdd-");
    /** In creation order: the router, then vm1..vm4. */
    private final List<Netns> namespaces = new ArrayList<>();
    private Netns router;
    private Path dir;
    private DhcpDnsStage stage;
    private DesiredState state = DesiredState.EMPTY;

    @BeforeEach
    void lab() throws IOException {
        router = netns("r-" + id);
        Netns vm1 = netns("v1-" + id);
        Netns vm2 = netns("v2-" + id);
        Netns vm3 = netns("v3-" + id);
        Netns vm4 = netns("v4-" + id);
        bridge(TRUNK + ".100", "10.61.0.1/24");
        bridge(TRUNK + ".200", "10.62.0.1/24");
        port(vm1, TRUNK + ".100", "lrdd-p1", MAC_1);
        port(vm2, TRUNK + ".200", "lrdd-p2", MAC_2);
        port(vm3, TRUNK + ".100", "lrdd-p3", MAC_3);
        port(vm4, TRUNK + ".100", "lrdd-p4", MAC_2);
        dir = Files.createTempDirectory("lrdd-dnsmasq-");
        // dnsmasq re-reads its directories as its own user: the path must be traversable by it.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        stage = new DhcpDnsStage(new Topology(InterfaceName.of(TRUNK), Optional.empty()), dir,
                List.of("ip", "netns", "exec", router.name()), DhcpDnsStage.DNSMASQ);
    }

    @AfterEach
    void clean() throws IOException {
        if (stage != null) {
            stage.close();
        }
        group.close();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void vmsGetExactlyTheirRegisteredLeaseNamesResolveAndNicsComeAndGoWithoutARestart() throws Exception {
        state = state.withNetwork(network(NET_A, 100, "10.61.0.1/24", 1400))
                .withNetwork(network(NET_B, 200, "10.62.0.1/24", null))
                .withNic(NET_A, nic("c1000000-0000-4000-8000-00000000000a", MAC_1, "10.61.0.10", "web-1", true)
                        .newBuilder().dhcpOptions(List.of(DhcpOption.of(66, "10.61.0.5"))).build())
                .withNic(NET_B, nic("c2000000-0000-4000-8000-00000000000a", MAC_2, "10.62.0.10", "db-1", false));
        apply();
        long pid = stage.status().pid().orElseThrow();

        Map<String, String> lease1 = dhclient(vm(1)).orElseThrow(() -> new AssertionError("vm1 got no lease"));
        assertEquals("10.61.0.10", lease1.get("fixed-address"));
        assertEquals("255.255.255.0", lease1.get("subnet-mask"));
        assertEquals("10.61.0.1", lease1.get("routers"));
        assertEquals("10.61.0.1,192.0.2.53", lease1.get("domain-name-servers"), "the router first, then the zone's");
        assertEquals("\"web-1\"", lease1.get("host-name"));
        assertEquals("\"cloudnine.internal\"", lease1.get("domain-name"));
        assertEquals("1400", lease1.get("interface-mtu"));
        assertEquals("10.61.0.1", lease1.get("dhcp-server-identifier"));
        assertEquals("4294967295", lease1.get("dhcp-lease-time"), "infinite, as CloudStack's VR");
        assertEquals("10.61.0.5", lease1.get("tftp-server-name").replace("\"", ""), "extra option 66");

        Map<String, String> lease2 = dhclient(vm(2)).orElseThrow(() -> new AssertionError("vm2 got no lease"));
        assertEquals("10.62.0.10", lease2.get("fixed-address"));
        assertFalse(lease2.containsKey("routers"), "not the VM's default NIC: no router " + lease2);
        assertFalse(lease2.containsKey("domain-name-servers"), "not the default NIC: no dns " + lease2);

        assertTrue(dhclient(vm(3)).isEmpty(), "an unregistered MAC gets nothing");

        // CloudStack makes MACs unique per network only: vm2's MAC again, as another VM's default NIC on network A,
        // gets its router and DNS although the NIC with that MAC on network B must not
        state = state.withNic(NET_A, nic("c4000000-0000-4000-8000-00000000000c", MAC_2, "10.61.0.12", "web-3", true));
        apply();
        Map<String, String> lease4 = dhclient(vm(4)).orElseThrow(() -> new AssertionError("vm4 got no lease"));
        assertEquals("10.61.0.12", lease4.get("fixed-address"));
        assertEquals("10.61.0.1", lease4.get("routers"), "the same MAC's other NIC is not this one: " + lease4);
        assertEquals("10.61.0.1,192.0.2.53", lease4.get("domain-name-servers"));
        assertFalse(dhclient(vm(2)).orElseThrow().containsKey("routers"), "and that one still gets no router");

        vm(1).ip().run("addr", "add", "10.61.0.10/24", "dev", "eth0");
        vm(2).ip().run("addr", "add", "10.62.0.10/24", "dev", "eth0");
        assertEquals("10.61.0.10", dig(vm(1), "10.61.0.1", "web-1"));
        assertEquals("10.61.0.10", dig(vm(1), "10.61.0.1", "web-1.cloudnine.internal"));
        assertEquals("10.61.0.1", dig(vm(1), "10.61.0.1", "data-server"), "data-server is the asking network's gateway");
        assertEquals("10.62.0.1", dig(vm(2), "10.62.0.1", "data-server"), "data-server is the asking network's gateway");

        state = state.withNic(NET_A, nic("c3000000-0000-4000-8000-00000000000b", MAC_3, "10.61.0.11", "web-2", true));
        apply();
        Map<String, String> lease3 = dhclient(vm(3)).orElseThrow(() -> new AssertionError("added NIC got no lease"));
        assertEquals("10.61.0.11", lease3.get("fixed-address"));
        assertEquals(pid, stage.status().pid().orElseThrow(), "adding a NIC must not restart dnsmasq");
        assertEquals(0, stage.status().reloads(), "a new NIC needs not even a SIGHUP");

        // web-2 holds a lease now: the SIGHUP that removal needs must not bring dnsmasq down (2.90 aborts when the
        // host line carries a set: tag, see DnsmasqRenderer), and other networks keep being served.
        state = state.withoutNic(NET_A, Uuid.parse("c3000000-0000-4000-8000-00000000000b"));
        apply();
        assertEquals(1, stage.status().reloads());
        assertEquals("", dig(vm(2), "10.62.0.1", "web-2"), "a removed NIC's name is gone");
        assertEquals("10.61.0.10", dig(vm(2), "10.62.0.1", "web-1"));
        assertTrue(dhclient(vm(3)).isEmpty(), "a removed NIC's MAC gets nothing");
        assertEquals("10.62.0.10", dhclient(vm(2)).orElseThrow().get("fixed-address"), "the other network is served");
        DnsmasqStatus after = stage.status();
        assertEquals(pid, after.pid().orElseThrow(), "removing a NIC must not restart dnsmasq: " + after);
        assertEquals(0, after.crashes(), after.toString());
    }

    @Test
    void aKilledDnsmasqIsStartedAgain() throws Exception {
        state = state.withNetwork(network(NET_A, 100, "10.61.0.1/24", null))
                .withNic(NET_A, nic("c1000000-0000-4000-8000-00000000000a", MAC_1, "10.61.0.10", "web-1", true));
        apply();
        long pid = stage.status().pid().orElseThrow();
        Command.run(List.of("kill", "-KILL", Long.toString(pid))).requireSuccess();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline && stage.status().pid().orElse(pid) == pid) {
            Thread.sleep(20);
        }
        DnsmasqStatus status = stage.status();
        assertEquals(DnsmasqStatus.State.RUNNING, status.state(), status.toString());
        assertNotEquals(pid, status.pid().orElseThrow());
        assertEquals(1, status.crashes());
        assertTrue(status.lastExit().orElseThrow().contains("status 137") || status.lastExit().get().contains("9"),
                status.toString());
        assertEquals("10.61.0.10", dhclient(vm(1)).orElseThrow().get("fixed-address"), "serving again");
    }

    private void apply() {
        Map<String, Long> revisions = new HashMap<>();
        state.networks().values().forEach(r -> revisions.put(r.uuid().value(), r.revision()));
        Map<String, List<String>> failures = stage.apply(new DesiredSnapshot(KernelState.EMPTY, java.util.Set.of(),
                revisions, state));
        assertEquals(Map.of(), failures);
    }

    private static NetworkSpec network(Uuid uuid, int vlan, String gateway, Integer mtu) {
        return NetworkSpec.builder().uuid(uuid).segment(Segment.vlan(vlan)).gateway4(GatewayAddress.parse(gateway))
                .mtu(mtu).services(List.of(GuestService.DHCP, GuestService.DNS))
                .dnsServers(List.of(IpAddress.parse("192.0.2.53"))).domain(DnsDomain.parse("cloudnine.internal"))
                .build();
    }

    private static NicSpec nic(String uuid, MacAddress mac, String ip, String host, boolean defaultNic) {
        return NicSpec.builder().uuid(Uuid.parse(uuid)).mac(mac).addAddress(IpAddress.parse(ip))
                .hostname(Hostname.parse(host)).defaultNic(defaultNic).build();
    }

    private Netns vm(int n) {
        return namespaces.get(n);
    }

    private Netns netns(String name) {
        Netns ns = group.create(name);
        namespaces.add(ns);
        return ns;
    }

    private void bridge(String name, String address) {
        router.ip().run("link", "add", name, "type", "bridge");
        router.ip().run("addr", "add", address, "dev", name);
        router.ip().run("link", "set", name, "up");
    }

    private void port(Netns vm, String bridge, String port, MacAddress mac) {
        router.vethTo(vm, port, "eth0");
        router.ip().run("link", "set", port, "master", bridge, "up");
        vm.ip().run("link", "set", "eth0", "address", mac.value(), "up");
    }

    /** One DHCP exchange by ISC dhclient in the VM: the lease's options, or empty when it got none. */
    private Optional<Map<String, String>> dhclient(Netns vm) {
        return Dhclient.lease(vm.name(), "eth0", dir, 6);
    }

    private static String dig(Netns vm, String server, String name) {
        return vm.exec("dig", "+short", "+time=3", "+tries=3", "@" + server, name, "A").requireSuccess().stdout()
                .strip();
    }
}
