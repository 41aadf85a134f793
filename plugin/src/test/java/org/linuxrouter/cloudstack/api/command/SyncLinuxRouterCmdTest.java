package org.linuxrouter.cloudstack.api.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.linuxrouter.cloudstack.api.response.LinuxRouterSyncResponse;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.NetworkPlacements;
import org.linuxrouter.cloudstack.registry.RouterScope;
import org.linuxrouter.cloudstack.testing.Fields;
import org.linuxrouter.cloudstack.testing.GuestNetworks;
import org.linuxrouter.cloudstack.testing.PluginFixture;

import com.cloud.exception.InvalidParameterValueException;
import com.cloud.exception.ResourceUnavailableException;
import com.cloud.network.Network;

/** syncLinuxRouter pushes what CloudStack holds and reports it; bad ids and dead routers are clear errors. */
class SyncLinuxRouterCmdTest {
    private static final String NET = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private final CommandFixture fixture = new CommandFixture();

    @Test
    void pushesEveryPlacedNetworkAndReportsCounts() throws Exception {
        LinuxRouterVO router = fixture.plugin.registries.router("r1", RouterScope.zone(1), PluginFixture.ROUTER_URL, null);
        Network network = GuestNetworks.shared(5, NET, 100, "203.0.113.1", "203.0.113.0/24");
        when(fixture.plugin.registries.entities().findById(eq(Network.class), eq(5L))).thenReturn(network);
        fixture.plugin.details.put(5, NetworkPlacements.ROUTER_KEY, router.getUuid());
        fixture.plugin.details.put(5, NetworkPlacements.VLAN_KEY, "100");

        LinuxRouterSyncResponse response = Fields.set(fixture.sync(), "id", router.getId()).perform();

        assertEquals(router.getUuid(), response.getId());
        assertEquals(1, response.getNetworks());
        assertEquals(1, response.getNetworksPut());
        assertEquals(0, response.getNicsPut());
        assertEquals(List.of(), response.getFailures());
        assertEquals(List.of("listNetworks", "putNetwork " + NET), fixture.plugin.router.calls());
    }

    @Test
    void anUnknownRouterIsAParameterError() {
        assertTrue(assertThrows(InvalidParameterValueException.class, Fields.set(fixture.sync(), "id", 42L)::perform)
                .getMessage().startsWith("id: expected the id of a registered linux router, got 42"));
    }

    @Test
    void anUnreachableRouterIsResourceUnavailable() {
        String url = "https://127.0.0.1:" + PluginFixture.closedPort();
        LinuxRouterVO router = fixture.plugin.registries.router("r1", RouterScope.zone(1), url, null);
        ResourceUnavailableException e = assertThrows(ResourceUnavailableException.class,
                Fields.set(fixture.sync(), "id", router.getId())::perform);
        assertTrue(e.getMessage().startsWith("router r1 (" + url + ") was unreachable"), e.getMessage());
    }
}
