package org.linuxrouter.cloudstack.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.RouterScope;
import org.linuxrouter.cloudstack.testing.PluginFixture;
import org.linuxrouter.protocol.auth.RouterSecret;
import org.linuxrouter.protocol.client.RouterUnreachableException;
import org.linuxrouter.protocol.model.Uuid;

import com.cloud.exception.ResourceUnavailableException;

/** The gateway's client cache and error mapping, against the recording router and a real unreachable one. */
class RouterGatewayTest {
    private final PluginFixture plugin = new PluginFixture();

    @Test
    void aChangedUrlPinOrSecretBuildsANewClientOtherwiseOneIsReused() throws Exception {
        LinuxRouterVO router = plugin.registries.router("r1", RouterScope.zone(1), PluginFixture.ROUTER_URL, null);
        plugin.gateway.status(RouterEndpoint.of(router), 1);
        plugin.gateway.status(RouterEndpoint.of(router), 1);
        assertEquals(1, plugin.clientsMade.size());

        router.setSecret(RouterSecret.generate().encoded());
        plugin.gateway.status(RouterEndpoint.of(router), 1);
        router.setFingerprint("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF");
        plugin.gateway.status(RouterEndpoint.of(router), 1);
        router.setName("renamed");
        plugin.gateway.status(RouterEndpoint.of(router), 1);

        assertEquals(3, plugin.clientsMade.size(), "secret and pin changes rebuild; a new name does not");
    }

    @Test
    void routerWideCallsAreScopedToTheZoneAndNameTheRouter() {
        String url = "https://127.0.0.1:" + PluginFixture.closedPort();
        LinuxRouterVO router = plugin.registries.router("r1", RouterScope.zone(1), url, null);

        ResourceUnavailableException e = assertThrows(ResourceUnavailableException.class,
                () -> plugin.gateway.listNetworks(RouterEndpoint.of(router), 1));

        assertTrue(e.getMessage().startsWith("router r1 (" + url + ") was unreachable when asked to list networks: router "
                + url + " listNetworks: "), e.getMessage());
        assertInstanceOf(RouterUnreachableException.class, e.getCause());
    }

    @Test
    void nicDeletesNameTheNicAndTheNetwork() {
        String url = "https://127.0.0.1:" + PluginFixture.closedPort();
        LinuxRouterVO router = plugin.registries.router("r1", RouterScope.zone(1), url, null);
        NetworkRef network = new NetworkRef(5, "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", "guest-100");

        ResourceUnavailableException e = assertThrows(ResourceUnavailableException.class, () -> plugin.gateway.deleteNic(
                RouterEndpoint.of(router), network, Uuid.parse("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d")));

        assertTrue(e.getMessage().startsWith("router r1 (" + url + ") was unreachable when asked to delete nic"
                + " 0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d of network 6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b (guest-100): "),
                e.getMessage());
    }

    @Test
    void theEndpointNeverShowsTheSecret() {
        LinuxRouterVO router = plugin.registries.router("r1", RouterScope.zone(1), PluginFixture.ROUTER_URL, null);
        RouterEndpoint endpoint = RouterEndpoint.of(router);
        assertEquals("router r1 (" + PluginFixture.ROUTER_URL + ")", endpoint.toString());
        assertTrue(!router.toString().contains(router.getSecret()) && router.toString().contains("secret=redacted"));
        assertTrue(!endpoint.clientConfig().toString().contains(router.getSecret()));
    }
}
