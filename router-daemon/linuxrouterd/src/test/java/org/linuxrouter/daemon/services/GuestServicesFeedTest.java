package org.linuxrouter.daemon.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.daemon.api.NetworkService;
import org.linuxrouter.daemon.reconcile.HostTuning;
import org.linuxrouter.daemon.reconcile.Reconciler;
import org.linuxrouter.daemon.reconcile.Topology;
import org.linuxrouter.daemon.services.firewall.GuardFeed;
import org.linuxrouter.daemon.services.firewall.GuardedInterface;
import org.linuxrouter.daemon.services.metadata.GuestNic;
import org.linuxrouter.daemon.services.metadata.MetadataDirectory;
import org.linuxrouter.daemon.services.metadata.MetadataFeed;
import org.linuxrouter.daemon.store.FileStateStore;
import org.linuxrouter.daemon.testing.FakeKernel;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.GuestService;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Secret;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;

/**
 * Desired state → what the guest services serve, through a real {@link NetworkService} and state file: the
 * directory and the guarded interfaces follow every write before it is answered, only userdata networks are
 * served, and a guest's acknowledgement removes its password from the state file for good.
 */
class GuestServicesFeedTest {

    static final Uuid NET = Uuid.parse("8d3c2c42-6a55-4c4e-9f0e-4b1f0c7a0a01");
    static final Uuid PLAIN = Uuid.parse("8d3c2c42-6a55-4c4e-9f0e-4b1f0c7a0a02");
    static final Uuid NIC = Uuid.parse("0e7f6f0a-3333-4aaa-8bbb-000000000001");
    static final Uuid NIC2 = Uuid.parse("0e7f6f0a-3333-4aaa-8bbb-000000000002");

    @TempDir
    Path dir;
    private NetworkService service;
    private final AtomicReference<MetadataDirectory> directory = new AtomicReference<>();
    private final AtomicReference<List<GuardedInterface>> guarded = new AtomicReference<>();

    @BeforeEach
    void start() {
        service = newService();
        MetadataFeed metadata = new MetadataFeed();
        GuardFeed guard = new GuardFeed(new Topology(InterfaceName.of("eth1"), Optional.empty()));
        service.onChange(state -> {
            directory.set(metadata.directory(state));
            guarded.set(guard.interfaces(state));
        });
    }

    private NetworkService newService() {
        FakeKernel kernel = new FakeKernel();
        NetworkService s = new NetworkService(new FileStateStore(dir),
                desired -> new Reconciler(desired, kernel, HostTuning.NONE, Clock.systemUTC(), Duration.ofMinutes(1)),
                new Topology(InterfaceName.of("eth1"), Optional.empty()), Duration.ofSeconds(5), "test");
        s.reconciler().start();
        return s;
    }

    @AfterEach
    void stop() throws InterruptedException {
        service.reconciler().close();
    }

    @Test
    void aNicIsServedOnItsGatewayOnceItsWriteIsAnswered() throws Exception {
        service.putNetwork(network(NET, 100, "10.50.0.1/24", EnumSet.of(GuestService.USERDATA, GuestService.DHCP)));
        service.putNetwork(network(PLAIN, 200, "10.60.0.1/24", EnumSet.noneOf(GuestService.class)));
        service.putNic(NET, nic(NIC, "52:54:00:50:00:11", "10.50.0.11", Optional.of("pw-1")));
        service.putNic(PLAIN, nic(NIC2, "52:54:00:60:00:12", "10.60.0.12", Optional.empty()));

        GuestNic served = directory.get().lookup(ip("10.50.0.1"), ip("10.50.0.11")).orElseThrow();
        assertEquals(NIC.value(), served.nic());
        assertEquals("i-2-17-VM", served.metadata().get("instance-id"));
        assertEquals("ssh-ed25519 AAAAkey1 a@b\nssh-rsa AAAAkey2 c@d", served.metadata().get("public-keys"));
        assertEquals(Base64.getEncoder().encodeToString("#cloud-config\n".getBytes(StandardCharsets.UTF_8)),
                served.userData());
        assertEquals(Optional.of("pw-1"), served.password());
        assertTrue(directory.get().lookup(ip("10.60.0.1"), ip("10.60.0.12")).isEmpty(),
                "a network without the userdata service is not served");
        assertTrue(directory.get().lookup(ip("10.50.0.1"), ip("10.60.0.12")).isEmpty());

        assertEquals(List.of("eth1.100", "eth1.200"),
                guarded.get().stream().map(g -> g.link().value()).sorted().toList(),
                "every network is guarded, whatever its services");
    }

    @Test
    void onlyTheNetworkAWriteChangedIsRebuilt() throws Exception {
        service.putNetwork(network(NET, 100, "10.50.0.1/24", EnumSet.of(GuestService.USERDATA)));
        service.putNetwork(network(PLAIN, 200, "10.60.0.1/24", EnumSet.of(GuestService.USERDATA)));
        List<GuardedInterface> before = guarded.get();
        service.putNic(NET, nic(NIC, "52:54:00:50:00:11", "10.50.0.11", Optional.empty()));
        List<GuardedInterface> after = guarded.get();
        assertNotSame(find(before, "eth1.100"), find(after, "eth1.100"));
        assertSame(find(before, "eth1.200"), find(after, "eth1.200"), "the untouched network's value is reused");
    }

    @Test
    void anAcknowledgedPasswordIsGoneFromTheStateFileAndStaysGoneAfterARestart() throws Exception {
        service.putNetwork(network(NET, 100, "10.50.0.1/24", EnumSet.of(GuestService.USERDATA)));
        service.putNic(NET, nic(NIC, "52:54:00:50:00:11", "10.50.0.11", Optional.of("pw-1")));
        assertTrue(Files.readString(dir.resolve("state.json")).contains("pw-1"));

        service.forgetPassword(NET, NIC, Secret.of("another"));
        assertEquals(Optional.of("pw-1"), served().password(), "a password CloudStack replaced meanwhile stays");
        service.forgetPassword(NET, NIC, Secret.of("pw-1"));
        assertEquals(Optional.empty(), served().password());
        assertFalse(Files.readString(dir.resolve("state.json")).contains("pw-1"));
        assertEquals("i-2-17-VM", served().metadata().get("instance-id"), "the rest of the NIC stays");

        service.reconciler().close();
        service = newService();
        assertTrue(service.desiredState().network(NET).orElseThrow().nic(NIC).orElseThrow().password().isEmpty());
    }

    private GuestNic served() {
        return directory.get().lookup(ip("10.50.0.1"), ip("10.50.0.11")).orElseThrow();
    }

    private static GuardedInterface find(List<GuardedInterface> list, String link) {
        return list.stream().filter(g -> g.link().value().equals(link)).findFirst().orElseThrow();
    }

    static NetworkSpec network(Uuid uuid, int vlan, String gateway, EnumSet<GuestService> services) {
        return NetworkSpec.builder().uuid(uuid).segment(Segment.vlan(vlan)).gateway4(GatewayAddress.parse(gateway))
                .services(services).build();
    }

    static NicSpec nic(Uuid uuid, String mac, String ip, Optional<String> password) {
        NicSpec.Builder b = NicSpec.builder().uuid(uuid).mac(MacAddress.parse(mac)).addAddress(IpAddress.parse(ip))
                .metadata(Map.of("instance-id", "i-2-17-VM", "local-ipv4", ip))
                .sshPublicKeys(List.of("ssh-ed25519 AAAAkey1 a@b", "ssh-rsa AAAAkey2 c@d"))
                .userData(Secret.of(Base64.getEncoder().encodeToString("#cloud-config\n".getBytes(StandardCharsets.UTF_8))));
        password.ifPresent(p -> b.password(Secret.of(p)));
        return b.build();
    }

    private static InetAddress ip(String text) {
        return IpAddress.parse(text).toInetAddress();
    }
}
