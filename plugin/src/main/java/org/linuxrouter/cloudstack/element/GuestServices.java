package org.linuxrouter.cloudstack.element;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import javax.inject.Inject;

import org.linuxrouter.protocol.model.GuestService;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.ValidationException;

import com.cloud.dc.DataCenter;
import com.cloud.network.Network;
import com.cloud.network.Network.Service;
import com.cloud.network.NetworkModel;
import com.cloud.offering.ServiceOffering;
import com.cloud.utils.Pair;
import com.cloud.utils.crypt.DBEncryptionUtil;
import com.cloud.utils.db.EntityManager;
import com.cloud.utils.exception.CloudRuntimeException;
import com.cloud.uservm.UserVm;
import com.cloud.vm.NicExtraDhcpOption;
import com.cloud.vm.VMInstanceDetailVO;
import com.cloud.vm.VmDetailConstants;
import com.cloud.vm.dao.NicExtraDhcpOptionDao;
import com.cloud.vm.dao.VMInstanceDetailsDao;

/**
 * Where the guest services' data is read from CloudStack: which of Dhcp, Dns and UserData the network's offering
 * gives to LinuxRouter, the zone's resolvers and the network domain, and per NIC the VM's host name, default-NIC flag,
 * extra DHCP options and its vm-data, built by CloudStack's own {@link NetworkModel#generateVmData} from the VM,
 * its details (SSH keys) and service offering, as the virtual router's CommandSetupHelper does. A network with none
 * of these services gets exactly what it got before they existed.
 */
public class GuestServices {
    /** CloudStack's service names of the guest services. */
    private static final Map<String, GuestService> BY_NAME = Map.of("Dhcp", GuestService.DHCP, "Dns", GuestService.DNS,
            "UserData", GuestService.USERDATA);

    @Inject
    private NetworkModel networkModel;
    @Inject
    private EntityManager entities;
    @Inject
    private VMInstanceDetailsDao vmDetails;
    @Inject
    private NicExtraDhcpOptionDao extraDhcpOptions;

    /** CloudStack's column encryption; replaced in tests, whose SDK has no encryption key. */
    UnaryOperator<String> encrypt = DBEncryptionUtil::encrypt;
    private final boolean offered;

    public GuestServices() {
        this.offered = true;
    }

    private GuestServices(boolean offered) {
        this.offered = offered;
    }

    /** Gives no network any guest service: for tests and hand wiring that only route. */
    public static GuestServices none() {
        return new GuestServices(false);
    }

    /** For tests and hand wiring. */
    public GuestServices(NetworkModel networkModel, EntityManager entities, VMInstanceDetailsDao vmDetails,
            NicExtraDhcpOptionDao extraDhcpOptions) {
        this.offered = true;
        this.networkModel = networkModel;
        this.entities = entities;
        this.vmDetails = vmDetails;
        this.extraDhcpOptions = extraDhcpOptions;
    }

    /** The guest services the network's offering gives to LinuxRouter. */
    public Set<GuestService> of(Network network) {
        Set<GuestService> services = EnumSet.noneOf(GuestService.class);
        if (!offered) {
            return services;
        }
        // by name: the services LinuxRouter declares, each asked for this network as the orchestrator asks
        for (Service service : networkModel.getElementServices(LinuxRouterElement.PROVIDER)) {
            GuestService ours = BY_NAME.get(service.getName());
            if (ours != null && networkModel.isProviderSupportServiceInNetwork(network.getId(), service,
                    LinuxRouterElement.PROVIDER)) {
                services.add(ours);
            }
        }
        return services;
    }

    /** The network's spec with its guest services, the zone's (or network's) resolvers and its domain. */
    public NetworkSpec addTo(Network network, NetworkSpec spec) {
        Set<GuestService> services = of(network);
        if (services.isEmpty()) {
            return spec;
        }
        DataCenter zone = entities.findById(DataCenter.class, network.getDataCenterId());
        List<String> resolvers = new ArrayList<>();
        addBoth(networkModel.getNetworkIp4Dns(network, zone), resolvers);
        if (network.getIp6Gateway() != null) {
            addBoth(networkModel.getNetworkIp6Dns(network, zone), resolvers);
        }
        try {
            return GuestServiceTranslator.withServices(spec, services, resolvers, network.getNetworkDomain());
        } catch (ValidationException e) {
            throw new CloudRuntimeException(NetworkTranslator.ref(network) + ": cannot give it guest services: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The NIC as the router needs it: its routed addresses (none for a system VM or a NIC without an address), plus
     * what the network's guest services need of it.
     *
     * @param password the one-time password CloudStack hands this call (its VmPassword parameter), else null
     * @param change what the calling operation changes before CloudStack stores it (a new SSH key, new options)
     */
    public Optional<NicSpec> nicSpec(Network network, GuestNic nic, NicFacts facts, String password, Change change) {
        Optional<NicSpec> routed = routed(network, nic);
        Set<GuestService> services = of(network);
        if (routed.isEmpty() || services.isEmpty()) {
            return routed;
        }
        UserVm vm = entities.findById(UserVm.class, facts.vmId());
        if (vm == null) {
            throw new CloudRuntimeException(NetworkTranslator.ref(network) + ", " + nic + ": expected user vm "
                    + facts.vmId() + " of the nic, found none");
        }
        try {
            NicSpec.Builder spec = routed.get().newBuilder();
            if (services.contains(GuestService.DHCP) || services.contains(GuestService.DNS)) {
                GuestServiceTranslator.withDhcp(spec, vm.getHostName(), facts.defaultNic(),
                        change.dhcpOptions().orElseGet(() -> dhcpOptionsOf(facts.nicId())));
            }
            if (services.contains(GuestService.USERDATA)) {
                GuestServiceTranslator.withVmData(spec, vmData(vm, facts.vmId(), nic, password, change));
            }
            return Optional.of(spec.build());
        } catch (ValidationException e) {
            throw new CloudRuntimeException(NetworkTranslator.ref(network) + ", " + nic + " of vm " + vm.getUuid()
                    + ": cannot give it guest services: " + e.getMessage(), e);
        }
    }

    /**
     * Keeps a password set while the VM is stopped (its NIC is not on the router) for its next start, encrypted in
     * the VM's details where CloudStack's start reads it into the VmPassword parameter (as ConfigDrive does).
     */
    public void keepPasswordForNextStart(long vmId, String password) {
        vmDetails.addDetail(vmId, VmDetailConstants.PASSWORD, encrypt.apply(password), false);
    }

    private List<String[]> vmData(UserVm vm, long vmId, GuestNic nic, String password, Change change) {
        ServiceOffering offering = entities.findByIdIncludingRemoved(ServiceOffering.class, vm.getServiceOfferingId());
        String sshKeys = change.sshPublicKeys().orElseGet(() -> detail(vmId, VmDetailConstants.SSH_PUBLIC_KEY));
        // isWindows only adds an MD5 of the password, which the router does not serve; the hypervisor's host name is
        // exposed only by VirtualMachineManager's policy (off by default), which a plugin cannot read: never sent
        return networkModel.generateVmData(vm.getUserData(), vm.getUserDataDetails(),
                offering == null ? null : offering.getDisplayText(), vm.getDataCenterId(), vm.getInstanceName(),
                vm.getHostName(), vmId, vm.getUuid(), nic.ipv4().orElse(null), sshKeys, password, false, null);
    }

    private static Optional<NicSpec> routed(Network network, GuestNic nic) {
        try {
            return NetworkTranslator.nicSpec(network, nic);
        } catch (UnsupportedNetworkException e) {
            // the network is ours but this NIC's data is not routable: fail the VM start rather than leave it dark
            throw new CloudRuntimeException(e.getMessage(), e);
        }
    }

    private Map<Integer, String> dhcpOptionsOf(long nicId) {
        Map<Integer, String> options = new LinkedHashMap<>();
        for (NicExtraDhcpOption option : extraDhcpOptions.listByNicId(nicId)) {
            options.put(option.getCode(), option.getValue());
        }
        return options;
    }

    private String detail(long vmId, String name) {
        VMInstanceDetailVO detail = vmDetails.findDetail(vmId, name);
        return detail == null ? null : detail.getValue();
    }

    private static void addBoth(Pair<String, String> pair, List<String> into) {
        if (pair == null) {
            return;
        }
        for (String server : new String[] {pair.first(), pair.second()}) {
            if (server != null && !server.isBlank() && !into.contains(server.strip())) {
                into.add(server.strip());
            }
        }
    }

    /** What CloudStack says of a NIC besides its addresses: its id, its VM's id, whether it is the default NIC. */
    public static final class NicFacts {
        private final long nicId;
        private final long vmId;
        private final boolean defaultNic;

        public NicFacts(long nicId, long vmId, boolean defaultNic) {
            this.nicId = nicId;
            this.vmId = vmId;
            this.defaultNic = defaultNic;
        }

        public long nicId() {
            return nicId;
        }

        public long vmId() {
            return vmId;
        }

        public boolean defaultNic() {
            return defaultNic;
        }
    }

    /**
     * What an operation changes that CloudStack has not stored yet when it calls the element: resetSSHKey stores the
     * key after saveSSHKey, setExtraDhcpOptions passes the options it is about to store.
     */
    public static final class Change {
        public static final Change NONE = new Change(null, null);

        private final String sshPublicKeys;
        private final Map<Integer, String> dhcpOptions;

        private Change(String sshPublicKeys, Map<Integer, String> dhcpOptions) {
            this.sshPublicKeys = sshPublicKeys;
            this.dhcpOptions = dhcpOptions;
        }

        public static Change sshPublicKeys(String keys) {
            return new Change(keys, null);
        }

        public static Change dhcpOptions(Map<Integer, String> options) {
            return new Change(null, options == null ? Map.of() : new LinkedHashMap<>(options));
        }

        Optional<String> sshPublicKeys() {
            return Optional.ofNullable(sshPublicKeys);
        }

        Optional<Map<Integer, String>> dhcpOptions() {
            return Optional.ofNullable(dhcpOptions);
        }
    }
}
