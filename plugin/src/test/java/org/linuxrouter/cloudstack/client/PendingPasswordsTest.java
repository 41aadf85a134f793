package org.linuxrouter.cloudstack.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.RouterScope;
import org.linuxrouter.cloudstack.testing.GuestNetworks;
import org.linuxrouter.cloudstack.testing.PluginFixture;
import org.linuxrouter.cloudstack.testing.RecordingRouterClient;
import org.linuxrouter.protocol.client.HttpRouterClient;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Secret;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;

import com.cloud.exception.ResourceUnavailableException;
import com.cloud.vm.NicVO;

/**
 * A password one pair member did not acknowledge: kept for it (encrypted, in {@code nic_details}), sent with the
 * NIC's next PUT to it, dropped once it acknowledged it, when a newer password replaces it, or when the NIC or its
 * network leaves the routers. Two recording routers; "down" is a real HTTPS client to a closed port.
 */
class PendingPasswordsTest {
    private static final String NET = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private static final Uuid NIC = Uuid.parse("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d");
    private static final long NIC_ID = 42;
    private static final NetworkRef NETWORK = new NetworkRef(5, NET, "guest-100");

    private final PluginFixture plugin = new PluginFixture();
    private final RecordingRouterClient first = new RecordingRouterClient();
    private final RecordingRouterClient second = new RecordingRouterClient();
    private final PairGateway gateway = new PairGateway(new RouterGateway(config -> {
        String host = config.baseUrl().getHost();
        return host.equals("r1.test") ? first : host.equals("r2.test") ? second
                : new HttpRouterClient(config.newBuilder().maxAttempts(1).build());
    }), plugin.lagging, plugin.pendingPasswords);
    private final LinuxRouterVO r1 = plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE),
            "https://r1.test:8443", null);
    private final LinuxRouterVO r2 = second();
    private final String key2 = PendingPasswords.key(RouterEndpoint.of(r2));

    @BeforeEach
    void nicAndNetworkOnBoth() {
        NicVO row = mock(NicVO.class);
        when(row.getId()).thenReturn(NIC_ID);
        when(row.getNetworkId()).thenReturn(5L);
        when(plugin.nics.findByUuid(NIC.value())).thenReturn(row);
        when(plugin.nics.findByUuidIncludingRemoved(NIC.value())).thenReturn(row);
        when(plugin.nics.findByIdIncludingRemoved(NIC_ID)).thenReturn(row);
        NetworkSpec spec = NetworkSpec.builder().uuid(Uuid.parse(NET)).segment(Segment.vlan(100))
                .gateway4(GatewayAddress.parse("203.0.113.1/24")).build();
        first.preload(spec, List.of());
        second.preload(spec, List.of());
    }

    @Test
    void aPasswordTheDownMemberMissedIsKeptEncryptedForItAndSentWithItsNextPut() throws Exception {
        gateway.putNic(pair(down()), NETWORK, nic("Pw-first"));

        assertEquals(Map.of(key2, "enc(Pw-first)"), plugin.nicDetails.of(NIC_ID), "kept for r2 only, encrypted");
        assertNotNull(r2.getLaggingSince());
        assertEquals(Optional.of(Secret.of("Pw-first")), held(first).password());

        gateway.putNic(pair(down()), NETWORK, nic(null)); // e.g. new user data while r2 is still down
        assertEquals(Optional.empty(), held(first).password(), "r1 gets exactly what CloudStack sent");
        assertEquals(Map.of(key2, "enc(Pw-first)"), plugin.nicDetails.of(NIC_ID), "still kept: r2 has not got it");

        gateway.putNic(pair(up()), NETWORK, nic(null)); // r2 answers again
        assertEquals(Optional.of(Secret.of("Pw-first")), held(second).password(), "sent with the nic to r2");
        assertEquals(Optional.empty(), held(first).password(), "not to r1, whose guest may have fetched it");
        assertEquals(Map.of(), plugin.nicDetails.of(NIC_ID), "dropped once r2 acknowledged it");
    }

    @Test
    void aNewerPasswordReplacesTheKeptOne() throws Exception {
        gateway.putNic(pair(down()), NETWORK, nic("Pw-first"));
        gateway.putNic(pair(down()), NETWORK, nic("Pw-second"));
        assertEquals(Map.of(key2, "enc(Pw-second)"), plugin.nicDetails.of(NIC_ID));

        gateway.putNic(pair(up()), NETWORK, nic("Pw-third"));
        assertEquals(Optional.of(Secret.of("Pw-third")), held(second).password());
        assertEquals(Map.of(), plugin.nicDetails.of(NIC_ID), "r2 holds a newer password: nothing left to send");
    }

    @Test
    void aDeliveryOfAnOlderPasswordDoesNotDropANewerOneKeptMeanwhile() {
        RouterEndpoint member = RouterEndpoint.of(r2);
        plugin.pendingPasswords.keep(member, NIC, Secret.of("Pw-second"));
        plugin.pendingPasswords.delivered(member, NIC, Secret.of("Pw-first")); // a resync that read it earlier
        assertEquals(Map.of(key2, "enc(Pw-second)"), plugin.nicDetails.of(NIC_ID));
        plugin.pendingPasswords.delivered(member, NIC, Secret.of("Pw-second"));
        assertEquals(Map.of(), plugin.nicDetails.of(NIC_ID));
    }

    @Test
    void theNicOrItsNetworkLeavingTheRoutersDropsWhatWasKept() throws Exception {
        gateway.putNic(pair(down()), NETWORK, nic("Pw-first"));
        gateway.deleteNic(pair(down()), NETWORK, NIC);
        assertEquals(Map.of(), plugin.nicDetails.of(NIC_ID), "the VM stopped or went: nothing to deliver");

        gateway.putNic(pair(down()), NETWORK, nic("Pw-first"));
        gateway.deleteNetwork(pair(down()), NETWORK);
        assertEquals(Map.of(), plugin.nicDetails.of(NIC_ID));

        plugin.pendingPasswords.keep(RouterEndpoint.of(r2), NIC, Secret.of("Pw-first"));
        plugin.pendingPasswords.forgetNic(RouterEndpoint.of(r1), NIC);
        assertEquals(Map.of(key2, "enc(Pw-first)"), plugin.nicDetails.of(NIC_ID), "only the named member's");
        plugin.pendingPasswords.forgetNic(RouterEndpoint.of(r2), NIC); // a sync removed the nic from r2
        assertEquals(Map.of(), plugin.nicDetails.of(NIC_ID));
    }

    @Test
    void nothingIsKeptWhenNoMemberAcknowledgedOrForARouterOnItsOwn() throws Exception {
        LinuxRouterVO gone = plugin.registries.router("r3", RouterScope.zone(9),
                "https://127.0.0.1:" + PluginFixture.closedPort(), null);
        assertThrows(ResourceUnavailableException.class, () -> gateway.putNic(new RouterPair(List.of(
                RouterEndpoint.of(gone), down()), GuestNetworks.ZONE), NETWORK, nic("Pw-first")));
        assertEquals(Map.of(), plugin.nicDetails.of(NIC_ID), "the change failed as a whole: CloudStack retries it");

        gateway.putNic(new RouterPair(List.of(RouterEndpoint.of(r1)), GuestNetworks.ZONE), NETWORK, nic("Pw-first"));
        assertEquals(Map.of(), plugin.nicDetails.of(NIC_ID));
    }

    private RouterPair pair(RouterEndpoint member2) {
        return new RouterPair(List.of(RouterEndpoint.of(r1), member2), GuestNetworks.ZONE);
    }

    private RouterEndpoint down() {
        r2.setUrl("https://127.0.0.1:" + PluginFixture.closedPort());
        return RouterEndpoint.of(r2);
    }

    private RouterEndpoint up() {
        r2.setUrl("https://r2.test:8443");
        return RouterEndpoint.of(r2);
    }

    private static NicSpec nic(String password) {
        return NicSpec.builder().uuid(NIC).mac(MacAddress.parse("02:00:00:00:00:0a"))
                .ipv4(List.of(IpAddress.parse("203.0.113.10"))).password(password == null ? null : Secret.of(password))
                .build();
    }

    private static NicSpec held(RecordingRouterClient router) throws Exception {
        return router.getNetwork(Uuid.parse(NET)).orElseThrow().nics().stream().filter(n -> n.uuid().equals(NIC))
                .findFirst().orElseThrow();
    }

    private LinuxRouterVO second() {
        LinuxRouterVO vo = new LinuxRouterVO();
        vo.setName("r2");
        vo.setScope(RouterScope.zone(GuestNetworks.ZONE), 2);
        vo.setUrl("https://r2.test:8443");
        vo.setSecret(r1.getSecret());
        vo.setFingerprint(r1.getFingerprint());
        return plugin.registries.dao().persist(vo);
    }
}
