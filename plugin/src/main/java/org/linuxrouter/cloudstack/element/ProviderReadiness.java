package org.linuxrouter.cloudstack.element;

import java.util.Optional;

import javax.inject.Inject;

import org.linuxrouter.cloudstack.client.RouterEndpoint;
import org.linuxrouter.cloudstack.client.RouterGateway;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.RouterRegistry;

import com.cloud.exception.ResourceUnavailableException;

/**
 * Whether the LinuxRouter provider may be enabled on a physical network: a router must be registered for it (or
 * its zone) and answer its status. CloudStack asks when an admin enables the provider.
 */
public class ProviderReadiness {
    @Inject
    private RouterRegistry registry;
    @Inject
    private RouterGateway gateway;

    public ProviderReadiness() {
    }

    /** For tests and hand wiring. */
    public ProviderReadiness(RouterRegistry registry, RouterGateway gateway) {
        this.registry = registry;
        this.gateway = gateway;
    }

    /** Empty when ready; otherwise why not, for the log. */
    public Optional<String> whyNotReady(long physicalNetworkId) {
        Optional<Long> zone = registry.zoneOf(physicalNetworkId);
        if (zone.isEmpty()) {
            return Optional.of("physical network " + physicalNetworkId + " does not exist");
        }
        Optional<LinuxRouterVO> router = registry.routerFor(zone.get(), physicalNetworkId);
        if (router.isEmpty()) {
            return Optional.of("no linux router is registered for physical network " + physicalNetworkId + " or zone "
                    + zone.get() + "; register one with addLinuxRouter first");
        }
        try {
            // any valid status answer proves URL, pinned certificate and secret together
            gateway.status(RouterEndpoint.of(router.get()), zone.get());
            return Optional.empty();
        } catch (ResourceUnavailableException e) {
            return Optional.of(e.getMessage());
        }
    }
}
