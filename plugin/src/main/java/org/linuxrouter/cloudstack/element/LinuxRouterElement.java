package org.linuxrouter.cloudstack.element;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.cloud.deploy.DeployDestination;
import com.cloud.exception.ConcurrentOperationException;
import com.cloud.exception.InsufficientCapacityException;
import com.cloud.exception.ResourceUnavailableException;
import com.cloud.network.Network;
import com.cloud.network.Network.Capability;
import com.cloud.network.Network.Provider;
import com.cloud.network.Network.Service;
import com.cloud.network.PhysicalNetworkServiceProvider;
import com.cloud.network.element.NetworkElement;
import com.cloud.offering.NetworkOffering;
import com.cloud.utils.component.AdapterBase;
import com.cloud.vm.NicProfile;
import com.cloud.vm.ReservationContext;
import com.cloud.vm.VirtualMachineProfile;

/**
 * The {@code LinuxRouter} network element: where CloudStack's orchestrator calls in. Each method delegates to
 * {@link NetworkLifecycle}. A network that is not LinuxRouter's (not a guest VLAN network with a gateway) gets
 * {@code false} and a log line saying why; a router that cannot be reached or refuses is a
 * {@link ResourceUnavailableException} naming the router and the network.
 */
public class LinuxRouterElement extends AdapterBase implements NetworkElement {
    /**
     * Declared here so it exists once this bean's class is loaded, before CloudStack looks providers up by name.
     * Not external: an external provider makes CloudStack rewrite isolated networks' CIDRs and NIC addresses.
     */
    public static final Provider PROVIDER = new Provider("LinuxRouter", false);
    private static final Logger LOG = LogManager.getLogger(LinuxRouterElement.class);

    @Inject
    private NetworkLifecycle lifecycle;
    @Inject
    private ProviderReadiness readiness;

    @Override
    public Map<Service, Map<Capability, String>> getCapabilities() {
        Map<Service, Map<Capability, String>> capabilities = new HashMap<>();
        capabilities.put(Service.Connectivity, new HashMap<>());
        return capabilities;
    }

    @Override
    public Provider getProvider() {
        return PROVIDER;
    }

    @Override
    public boolean implement(Network network, NetworkOffering offering, DeployDestination dest, ReservationContext context)
            throws ConcurrentOperationException, ResourceUnavailableException, InsufficientCapacityException {
        try {
            lifecycle.ensureNetwork(network);
            return true;
        } catch (UnsupportedNetworkException e) {
            return notMine("implement", e);
        }
    }

    @Override
    public boolean prepare(Network network, NicProfile nic, VirtualMachineProfile vm, DeployDestination dest,
            ReservationContext context) throws ConcurrentOperationException, ResourceUnavailableException,
            InsufficientCapacityException {
        try {
            lifecycle.prepare(network, nic, vm.getType());
            return true;
        } catch (UnsupportedNetworkException e) {
            return notMine("prepare", e);
        }
    }

    @Override
    public boolean release(Network network, NicProfile nic, VirtualMachineProfile vm, ReservationContext context)
            throws ConcurrentOperationException, ResourceUnavailableException {
        lifecycle.releaseNic(network, nic.getUuid());
        return true;
    }

    @Override
    public boolean shutdown(Network network, ReservationContext context, boolean cleanup)
            throws ConcurrentOperationException, ResourceUnavailableException {
        lifecycle.teardown(network);
        return true;
    }

    @Override
    public boolean destroy(Network network, ReservationContext context)
            throws ConcurrentOperationException, ResourceUnavailableException {
        lifecycle.teardown(network);
        return true;
    }

    @Override
    public boolean isReady(PhysicalNetworkServiceProvider provider) {
        Optional<String> why = readiness.whyNotReady(provider.getPhysicalNetworkId());
        why.ifPresent(reason -> LOG.warn("LinuxRouter provider on physical network {} is not ready: {}",
                provider.getPhysicalNetworkId(), reason));
        return why.isEmpty();
    }

    /** Routers are physical machines: there are no provider instances to stop. */
    @Override
    public boolean shutdownProviderInstances(PhysicalNetworkServiceProvider provider, ReservationContext context)
            throws ConcurrentOperationException, ResourceUnavailableException {
        return true;
    }

    /** True, so an offering can map Connectivity alone to LinuxRouter and other services to ConfigDrive. */
    @Override
    public boolean canEnableIndividualServices() {
        return true;
    }

    @Override
    public boolean verifyServicesCombination(Set<Service> services) {
        Set<String> names = services.stream().map(Service::getName).collect(Collectors.toSet());
        boolean accepted = LinuxRouterServices.acceptsCombination(names);
        if (!accepted) {
            LOG.warn("LinuxRouter: expected Connectivity and only {} in an offering, got {}", LinuxRouterServices.OFFERED,
                    names);
        }
        return accepted;
    }

    private static boolean notMine(String call, UnsupportedNetworkException e) {
        LOG.info("LinuxRouter does not handle this network ({}): {}", call, e.getMessage());
        return false;
    }
}
