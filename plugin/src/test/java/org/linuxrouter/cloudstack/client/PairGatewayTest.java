package org.linuxrouter.cloudstack.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.RouterScope;
import org.linuxrouter.cloudstack.testing.GuestNetworks;
import org.linuxrouter.cloudstack.testing.PluginFixture;
import org.linuxrouter.protocol.client.RouterUnreachableException;
import org.linuxrouter.protocol.model.Uuid;

import com.cloud.exception.ResourceUnavailableException;

/**
 * The fan-out when no member answers: the change fails as it does for a router on its own (the first member's
 * error, the second's attached), and nobody is marked lagging or alerted, since neither router has the change.
 * Both members are real HTTPS clients to closed ports: real unreachable routers.
 */
class PairGatewayTest {
    private static final String NET = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

    private final PluginFixture plugin = new PluginFixture();
    private final LinuxRouterVO r1 = plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE),
            "https://127.0.0.1:" + PluginFixture.closedPort(), null);
    private final LinuxRouterVO r2 = second();

    @Test
    void bothMembersUnreachableFailsTheChangeNamingTheFirstWithTheSecondSuppressed() {
        RouterPair pair = new RouterPair(List.of(RouterEndpoint.of(r1), RouterEndpoint.of(r2)), GuestNetworks.ZONE);
        NetworkRef network = new NetworkRef(5, NET, "guest-100");

        ResourceUnavailableException e = assertThrows(ResourceUnavailableException.class,
                () -> plugin.pairGateway.deleteNic(pair, network, Uuid.parse(NET)));

        assertTrue(e.getMessage().startsWith("router r1 (" + r1.getUrl() + ") was unreachable when asked to delete"
                + " nic " + NET + " of network " + NET + " (guest-100)"), e.getMessage());
        assertEquals(1, e.getSuppressed().length);
        assertTrue(e.getSuppressed()[0].getMessage().startsWith("router r2 ("), e.getSuppressed()[0].getMessage());
        assertInstanceOf(RouterUnreachableException.class, e.getCause());
        assertNull(r1.getLaggingSince());
        assertNull(r2.getLaggingSince());
        verify(plugin.alerts, never()).sendAlert(any(), anyLong(), any(), anyString(), anyString());
    }

    private LinuxRouterVO second() {
        LinuxRouterVO vo = new LinuxRouterVO();
        vo.setName("r2");
        vo.setScope(RouterScope.zone(GuestNetworks.ZONE), 2);
        vo.setUrl("https://127.0.0.1:" + PluginFixture.closedPort());
        vo.setSecret(r1.getSecret());
        vo.setFingerprint(r1.getFingerprint());
        return plugin.registries.dao().persist(vo);
    }
}
