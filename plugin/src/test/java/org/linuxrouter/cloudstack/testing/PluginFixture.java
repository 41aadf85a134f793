package org.linuxrouter.cloudstack.testing;

import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.linuxrouter.cloudstack.client.PairGateway;
import org.linuxrouter.cloudstack.client.PendingPasswords;
import org.linuxrouter.cloudstack.client.RouterGateway;
import org.linuxrouter.cloudstack.element.GuestServiceLifecycle;
import org.linuxrouter.cloudstack.element.GuestServices;
import org.linuxrouter.cloudstack.element.LinuxRouterElement;
import org.linuxrouter.cloudstack.element.NetworkLifecycle;
import org.linuxrouter.cloudstack.element.ProviderReadiness;
import org.linuxrouter.cloudstack.reconcile.LaggingRouters;
import org.linuxrouter.cloudstack.registry.NetworkPlacements;
import org.linuxrouter.cloudstack.registry.RouterRegistry;
import org.linuxrouter.protocol.client.HttpRouterClient;
import org.linuxrouter.protocol.client.RouterClientConfig;
import org.mockito.Mockito;

import com.cloud.alert.AlertManager;
import com.cloud.network.NetworkModel;
import com.cloud.vm.dao.NicDao;
import com.cloud.vm.dao.NicExtraDhcpOptionDao;
import com.cloud.vm.dao.VMInstanceDetailsDao;

/**
 * The plugin wired by hand as its Spring context wires it: real registry, placements, gateways, lifecycle and
 * element over in-memory CloudStack tables (and a Mockito AlertManager). Routers at {@code https://router.test...}
 * are one {@link RecordingRouterClient}; routers at any other address get the real HTTPS client (one attempt), so a
 * closed port is a real unreachable router.
 */
public final class PluginFixture {
    public static final String ROUTER_URL = "https://router.test:8443";

    public final Registries registries = new Registries();
    public final DetailsTable details = new DetailsTable();
    public final RecordingRouterClient router = new RecordingRouterClient();
    public final List<RouterClientConfig> clientsMade = new ArrayList<>();
    public final NetworkPlacements placements = new NetworkPlacements(details.dao());
    public final RouterRegistry registry = new RouterRegistry(registries.dao(), registries.entities(), placements);
    public final RouterGateway gateway = new RouterGateway(config -> {
        clientsMade.add(config);
        return config.baseUrl().getHost().equals("router.test") ? router
                : new HttpRouterClient(config.newBuilder().maxAttempts(1).build());
    });
    public final AlertManager alerts = Mockito.mock(AlertManager.class);
    public final LaggingRouters lagging = new LaggingRouters(registry, alerts);
    public final NicDao nics = mock(NicDao.class);
    public final NicDetailsTable nicDetails = new NicDetailsTable();
    /** Passwords kept for a pair member that missed them, encrypted by a visible stand-in (the SDK has no key). */
    public final PendingPasswords pendingPasswords = new PendingPasswords(nics, nicDetails.dao());
    public final PairGateway pairGateway = new PairGateway(gateway, lagging, pendingPasswords);
    /** CloudStack's beans the guest services read; by default no service of any network is LinuxRouter's. */
    public final NetworkModel networkModel = mock(NetworkModel.class);
    public final VMInstanceDetailsDao vmDetails = mock(VMInstanceDetailsDao.class);
    public final NicExtraDhcpOptionDao extraDhcpOptions = mock(NicExtraDhcpOptionDao.class);
    public final GuestServices guestServices = new GuestServices(networkModel, registries.entities(), vmDetails,
            extraDhcpOptions);
    public final NetworkLifecycle lifecycle = new NetworkLifecycle(registry, placements, pairGateway, guestServices);
    public final GuestServiceLifecycle guests = new GuestServiceLifecycle(lifecycle, guestServices, nics,
            registries.entities());
    public final LinuxRouterElement element = new LinuxRouterElement();

    public PluginFixture() {
        Fields.set(element, "lifecycle", lifecycle);
        Fields.set(element, "readiness", new ProviderReadiness(registry, gateway));
        Fields.set(element, "guests", guests);
        Fields.set(pendingPasswords, "encrypt", (UnaryOperator<String>) p -> "enc(" + p + ")");
        Fields.set(pendingPasswords, "decrypt", (UnaryOperator<String>) e -> e.substring(4, e.length() - 1));
    }

    /** A local port nothing listens on. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
