package org.linuxrouter.cloudstack.element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.linuxrouter.cloudstack.client.RouterEndpoint;
import org.linuxrouter.cloudstack.client.RouterGateway;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.RouterRegistry;

import com.cloud.exception.ResourceUnavailableException;

/**
 * Whether the LinuxRouter provider may be enabled on a physical network: a router must be registered for it (or
 * its zone) and answer its status; of a pair, one answering member is enough (it carries the networks, the other
 * is resynced when it answers). CloudStack asks when an admin enables the provider.
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
        List<LinuxRouterVO> routers = registry.routersFor(zone.get(), physicalNetworkId);
        if (routers.isEmpty()) {
            return Optional.of("no linux router is registered for physical network " + physicalNetworkId + " or zone "
                    + zone.get() + "; register one with addLinuxRouter first");
        }
        List<String> failures = new ArrayList<>();
        for (LinuxRouterVO router : routers) {
            try {
                // any valid status answer proves URL, pinned certificate and secret together
                gateway.status(RouterEndpoint.of(router), zone.get());
                return Optional.empty();
            } catch (ResourceUnavailableException e) {
                failures.add(e.getMessage());
            }
        }
        return Optional.of(String.join("; ", failures));
    }
}
