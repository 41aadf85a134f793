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
import com.cloud.network.element.DhcpServiceProvider;
import com.cloud.network.element.DnsServiceProvider;
import com.cloud.network.element.NetworkElement;
import com.cloud.network.element.UserDataServiceProvider;
import com.cloud.offering.NetworkOffering;
import com.cloud.utils.component.AdapterBase;
import com.cloud.vm.NicProfile;
import com.cloud.vm.ReservationContext;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.VirtualMachineProfile;

/**
 * The {@code LinuxRouter} network element: where CloudStack's orchestrator calls in. Routing (Connectivity)
 * delegates to {@link NetworkLifecycle}; the guest services (Dhcp, Dns, UserData, when the offering gives them to
 * LinuxRouter) to {@link GuestServiceLifecycle}. A network that is not LinuxRouter's (not a guest VLAN or VXLAN
 * network with a gateway) gets {@code false} and a log line saying why; a router that cannot be reached or refuses
 * is a {@link ResourceUnavailableException} naming the router and the network. User data and passwords are never
 * logged.
 */
public class LinuxRouterElement extends AdapterBase
        implements NetworkElement, DhcpServiceProvider, DnsServiceProvider, UserDataServiceProvider {
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
    @Inject
    private GuestServiceLifecycle guests;

    /**
     * Connectivity, and Dhcp, Dns and UserData with the capabilities the virtual router declares, except that DHCP
     * does not span subnets: the router has one gateway per network (its CIDR), so CloudStack must refuse an IP
     * range in another subnet of a LinuxRouter network rather than hand out addresses nobody serves.
     */
    @Override
    public Map<Service, Map<Capability, String>> getCapabilities() {
        Map<Service, Map<Capability, String>> capabilities = new HashMap<>();
        capabilities.put(Service.Connectivity, new HashMap<>());
        Map<Capability, String> dhcp = new HashMap<>();
        dhcp.put(Capability.DhcpAccrossMultipleSubnets, "false");
        capabilities.put(Service.Dhcp, dhcp);
        Map<Capability, String> dns = new HashMap<>();
        dns.put(Capability.AllowDnsSuffixModification, "true");
        capabilities.put(Service.Dns, dns);
        capabilities.put(Service.UserData, new HashMap<>());
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
            if (vm.getType() == VirtualMachine.Type.User && guests.servesGuests(network)) {
                guests.putNic(network, nic, vm, GuestServices.Change.NONE);
            } else {
                lifecycle.prepare(network, nic, vm.getType());
            }
            return true;
        } catch (UnsupportedNetworkException e) {
            return notMine("prepare", e);
        }
    }

    // --- DhcpServiceProvider, DnsServiceProvider, UserDataServiceProvider ---
    // Every add puts the same whole NIC that prepare put (idempotent on the router); CloudStack calls them right
    // after prepare, for user VMs only, on networks whose offering maps the service to LinuxRouter.

    @Override
    public boolean addDhcpEntry(Network network, NicProfile nic, VirtualMachineProfile vm, DeployDestination dest,
            ReservationContext context) throws ConcurrentOperationException, InsufficientCapacityException,
            ResourceUnavailableException {
        return putGuestNic("addDhcpEntry", network, nic, vm);
    }

    /** Not called: DHCP does not span subnets ({@link #getCapabilities()}); the same as addDhcpEntry. */
    @Override
    public boolean configDhcpSupportForSubnet(Network network, NicProfile nic, VirtualMachineProfile vm,
            DeployDestination dest, ReservationContext context) throws ConcurrentOperationException,
            InsufficientCapacityException, ResourceUnavailableException {
        return putGuestNic("configDhcpSupportForSubnet", network, nic, vm);
    }

    /** Nothing per subnet: a network's DHCP leaves the router with the network. */
    @Override
    public boolean removeDhcpSupportForSubnet(Network network) throws ResourceUnavailableException {
        return true;
    }

    @Override
    public boolean setExtraDhcpOptions(Network network, long nicId, Map<Integer, String> dhcpOptions) {
        try {
            guests.setExtraDhcpOptions(network, nicId, dhcpOptions);
            return true;
        } catch (UnsupportedNetworkException e) {
            return notMine("setExtraDhcpOptions", e);
        } catch (ResourceUnavailableException e) {
            // the interface cannot throw it: CloudStack gets false, the operator the reason
            LOG.warn("LinuxRouter could not set the extra dhcp options of nic {}: {}", nicId, e.getMessage());
            return false;
        }
    }

    @Override
    public boolean removeDhcpEntry(Network network, NicProfile nic, VirtualMachineProfile vmProfile)
            throws ResourceUnavailableException {
        guests.removeNic(network, nic);
        return true;
    }

    @Override
    public boolean addDnsEntry(Network network, NicProfile nic, VirtualMachineProfile vm, DeployDestination dest,
            ReservationContext context) throws ConcurrentOperationException, InsufficientCapacityException,
            ResourceUnavailableException {
        return putGuestNic("addDnsEntry", network, nic, vm);
    }

    @Override
    public boolean configDnsSupportForSubnet(Network network, NicProfile nic, VirtualMachineProfile vm,
            DeployDestination dest, ReservationContext context) throws ConcurrentOperationException,
            InsufficientCapacityException, ResourceUnavailableException {
        return putGuestNic("configDnsSupportForSubnet", network, nic, vm);
    }

    /** Nothing per subnet: a network's DNS leaves the router with the network. */
    @Override
    public boolean removeDnsSupportForSubnet(Network network) throws ResourceUnavailableException {
        return true;
    }

    @Override
    public boolean addPasswordAndUserdata(Network network, NicProfile nic, VirtualMachineProfile vm,
            DeployDestination dest, ReservationContext context) throws ConcurrentOperationException,
            InsufficientCapacityException, ResourceUnavailableException {
        return putGuestNic("addPasswordAndUserdata", network, nic, vm);
    }

    @Override
    public boolean savePassword(Network network, NicProfile nic, VirtualMachineProfile vm)
            throws ResourceUnavailableException {
        try {
            guests.savePassword(network, nic, vm);
            return true;
        } catch (UnsupportedNetworkException e) {
            return notMine("savePassword", e);
        }
    }

    @Override
    public boolean saveUserData(Network network, NicProfile nic, VirtualMachineProfile vm)
            throws ResourceUnavailableException {
        return updateGuestNic("saveUserData", network, nic, vm, GuestServices.Change.NONE);
    }

    @Override
    public boolean saveSSHKey(Network network, NicProfile nic, VirtualMachineProfile vm, String sshPublicKey)
            throws ResourceUnavailableException {
        return updateGuestNic("saveSSHKey", network, nic, vm, GuestServices.Change.sshPublicKeys(sshPublicKey));
    }

    /**
     * A migration's new host: nothing to push, since the router never serves hypervisor-host-name (CloudStack's
     * exposure policy for it is not readable by a plugin, and its default is not to expose it).
     */
    @Override
    public boolean saveHypervisorHostname(NicProfile profile, Network network, VirtualMachineProfile vm,
            DeployDestination dest) throws ResourceUnavailableException {
        return true;
    }

    private boolean putGuestNic(String call, Network network, NicProfile nic, VirtualMachineProfile vm)
            throws ResourceUnavailableException {
        if (vm.getType() != VirtualMachine.Type.User) {
            return true; // CloudStack asks for user VMs only; a system VM's NIC has no guest data
        }
        try {
            guests.putNic(network, nic, vm, GuestServices.Change.NONE);
            return true;
        } catch (UnsupportedNetworkException e) {
            return notMine(call, e);
        }
    }

    private boolean updateGuestNic(String call, Network network, NicProfile nic, VirtualMachineProfile vm,
            GuestServices.Change change) throws ResourceUnavailableException {
        try {
            guests.update(network, nic, vm, change);
            return true;
        } catch (UnsupportedNetworkException e) {
            return notMine(call, e);
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
            LOG.warn("LinuxRouter: expected Connectivity and any of {} in an offering, got {}", LinuxRouterServices.OFFERED,
                    names);
        }
        return accepted;
    }

    private static boolean notMine(String call, UnsupportedNetworkException e) {
        LOG.info("LinuxRouter does not handle this network ({}): {}", call, e.getMessage());
        return false;
    }
}
