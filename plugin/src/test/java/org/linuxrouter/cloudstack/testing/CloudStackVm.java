package org.linuxrouter.cloudstack.testing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.linuxrouter.cloudstack.element.LinuxRouterElement;

import com.cloud.dc.DataCenter;
import com.cloud.network.Network;
import com.cloud.network.Network.Service;
import com.cloud.offering.ServiceOffering;
import com.cloud.utils.Pair;
import com.cloud.uservm.UserVm;
import com.cloud.vm.NicExtraDhcpOptionVO;
import com.cloud.vm.NicProfile;
import com.cloud.vm.VMInstanceDetailVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.VirtualMachineProfile;

/**
 * A running user VM with one NIC in a shared network, as CloudStack's beans describe it (Mockito-made, on the
 * {@link PluginFixture}'s NetworkModel, EntityManager and DAOs), for the guest services: the network's offering
 * gives LinuxRouter the services named by {@link #offers}, the zone has resolvers 192.0.2.53 and 192.0.2.54, and
 * {@code generateVmData} answers as CloudStack's NetworkModelImpl does for a shared network without a public IP
 * (its calls are recorded).
 */
public final class CloudStackVm {
    public static final String SERVICE_OFFERING = "Small Instance";

    public final UserVm vm = mock(UserVm.class);
    public final VirtualMachine machine = mock(VirtualMachine.class);
    /** The arguments of every generateVmData call, in order. */
    public final List<Object[]> vmDataCalls = new ArrayList<>();
    private final PluginFixture plugin;
    private final Network network;
    private final long id;
    private final String uuid;

    public CloudStackVm(PluginFixture plugin, Network network, NicProfile nic, long nicId, long id, String uuid,
            String hostname, String userData, String sshKey) {
        this.plugin = plugin;
        this.network = network;
        this.id = id;
        this.uuid = uuid;
        List<Service> declared = List.of(service("Connectivity"), service("Dhcp"), service("Dns"), service("UserData"));
        when(plugin.networkModel.getElementServices(LinuxRouterElement.PROVIDER)).thenReturn(declared);
        offers("Dhcp", "Dns", "UserData");
        Pair<String, String> dns = pair("192.0.2.53", "192.0.2.54");
        when(plugin.networkModel.getNetworkIp4Dns(eq(network), any(DataCenter.class))).thenReturn(dns);
        when(network.getNetworkDomain()).thenReturn("cloud.example");
        // the SDK has no encryption key: a visible stand-in for CloudStack's column encryption
        Fields.set(plugin.guestServices, "encrypt", (UnaryOperator<String>) p -> "enc(" + p + ")");

        when(nic.getId()).thenReturn(nicId);
        when(nic.isDefaultNic()).thenReturn(true);
        when(vm.getHostName()).thenReturn(hostname);
        when(vm.getUuid()).thenReturn(uuid);
        when(vm.getInstanceName()).thenReturn("i-2-" + id + "-VM");
        when(vm.getDataCenterId()).thenReturn(GuestNetworks.ZONE);
        when(vm.getServiceOfferingId()).thenReturn(7L);
        when(vm.getUserData()).thenReturn(userData);
        when(vm.getUserDataDetails()).thenReturn("{role=web}");
        when(plugin.registries.entities().findById(UserVm.class, id)).thenReturn(vm);
        ServiceOffering offering = mock(ServiceOffering.class);
        when(offering.getDisplayText()).thenReturn(SERVICE_OFFERING);
        when(plugin.registries.entities().findByIdIncludingRemoved(ServiceOffering.class, 7L)).thenReturn(offering);
        VMInstanceDetailVO key = mock(VMInstanceDetailVO.class);
        when(key.getValue()).thenReturn(sshKey);
        when(plugin.vmDetails.findDetail(id, "SSH.PublicKey")).thenReturn(key);
        NicExtraDhcpOptionVO bootFile = mock(NicExtraDhcpOptionVO.class);
        when(bootFile.getCode()).thenReturn(67);
        when(bootFile.getValue()).thenReturn("pxelinux.0");
        when(plugin.extraDhcpOptions.listByNicId(nicId)).thenReturn(List.of(bootFile));
        when(plugin.networkModel.generateVmData(any(), any(), any(), anyLong(), any(), any(), anyLong(), any(), any(),
                any(), any(), any(), any())).thenAnswer(call -> {
                    vmDataCalls.add(call.getArguments());
                    return vmData(call.getArguments());
                });
        when(machine.getState()).thenReturn(VirtualMachine.State.Running);
    }

    /** The network's offering maps these services (and only these) to LinuxRouter. */
    public void offers(String... names) {
        Set<String> offered = Set.of(names);
        long networkId = network.getId();
        when(plugin.networkModel.isProviderSupportServiceInNetwork(eq(networkId), any(),
                eq(LinuxRouterElement.PROVIDER))).thenAnswer(call -> offered.contains(call.<Service>getArgument(1).getName()));
    }

    /** The VM's profile as CloudStack passes it, with {@code password} as its VmPassword parameter (or none). */
    public VirtualMachineProfile profile(String password) {
        VirtualMachineProfile profile = mock(VirtualMachineProfile.class);
        when(profile.getType()).thenReturn(VirtualMachine.Type.User);
        when(profile.getId()).thenReturn(id);
        when(profile.getUuid()).thenReturn(uuid);
        when(profile.getVirtualMachine()).thenReturn(machine);
        when(profile.getParameter(isNull())).thenReturn(password); // the SDK's Param constants are null
        return profile;
    }

    /** What NetworkModelImpl.generateVmData returns for these arguments on a shared network without a public IP. */
    private static List<String[]> vmData(Object[] a) {
        List<String[]> data = new ArrayList<>();
        if (a[0] != null) {
            data.add(new String[] {"userdata", "user_data", (String) a[0]});
        }
        data.add(new String[] {"metadata", "service-offering", (String) a[2]});
        data.add(new String[] {"metadata", "availability-zone", "zone1"});
        data.add(new String[] {"metadata", "local-hostname", (String) a[5]});
        data.add(new String[] {"metadata", "local-ipv4", (String) a[8]});
        data.add(new String[] {"metadata", "role", "web"});
        data.add(new String[] {"metadata", "public-ipv4", (String) a[8]});
        data.add(new String[] {"metadata", "public-hostname", null});
        data.add(new String[] {"metadata", "instance-id", (String) a[7]});
        data.add(new String[] {"metadata", "vm-id", (String) a[7]});
        data.add(new String[] {"metadata", "public-keys", (String) a[9]});
        data.add(new String[] {"metadata", "cloud-identifier", "CloudStack-{abc}"});
        String password = (String) a[10];
        if (password != null && !password.isEmpty() && !password.equals("saved_password")) {
            data.add(new String[] {"password", "vm_password", password});
        }
        data.add(new String[] {"metadata", "hypervisor-host-name", (String) a[12]});
        return data;
    }

    private static Service service(String name) {
        Service service = mock(Service.class);
        when(service.getName()).thenReturn(name);
        return service;
    }

    @SuppressWarnings("unchecked")
    private static Pair<String, String> pair(String first, String second) {
        Pair<String, String> pair = mock(Pair.class);
        when(pair.first()).thenReturn(first);
        when(pair.second()).thenReturn(second);
        return pair;
    }
}
