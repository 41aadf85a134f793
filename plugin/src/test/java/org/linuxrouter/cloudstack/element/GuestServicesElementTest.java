package org.linuxrouter.cloudstack.element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linuxrouter.cloudstack.reconcile.HeldNetworks;
import org.linuxrouter.cloudstack.reconcile.RouterSync;
import org.linuxrouter.cloudstack.reconcile.SyncMode;
import org.linuxrouter.cloudstack.reconcile.SyncReport;
import org.linuxrouter.cloudstack.registry.RouterScope;
import org.linuxrouter.cloudstack.testing.CloudStackVm;
import org.linuxrouter.cloudstack.testing.GuestNetworks;
import org.linuxrouter.cloudstack.testing.PluginFixture;
import org.linuxrouter.protocol.model.GuestService;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NicSpec;

import com.cloud.network.Network;
import com.cloud.network.Network.Service;
import com.cloud.utils.exception.CloudRuntimeException;
import com.cloud.uservm.UserVm;
import com.cloud.vm.NicProfile;
import com.cloud.vm.NicVO;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.VirtualMachineProfile;

/**
 * The element as the provider of Dhcp, Dns and UserData, called as CloudStack's orchestrator and VM manager call
 * it (Mockito-made CloudStack beans), asserting exactly what reaches the recording router: the network's services,
 * resolvers and domain, and the whole NIC with the metadata CloudStack's generateVmData built, the user data, keys
 * and the one-time password.
 */
class GuestServicesElementTest {
    private static final String NET = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private static final String NIC = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";
    private static final String VM_UUID = "c2b0aa11-2b3c-4d5e-8f90-a1b2c3d4e5f6";
    private static final long VM_ID = 42;
    private static final long NIC_ID = 77;
    private static final String USER_DATA = "I2Nsb3VkLWNvbmZpZwpydW5jbWQ6IFtbdG91Y2gsIC90bXAvaGldXQo=";
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIN9sDY8RWy8Kmw2ItRGzSeJ8QtEirkISEMVD7iLXRbVx ops@example";

    private final PluginFixture plugin = new PluginFixture();
    private final Network network = GuestNetworks.shared(5, NET, 100, "203.0.113.1", "203.0.113.0/24");
    private final NicProfile nic = GuestNetworks.nic(NIC, "02:00:4c:4f:4f:50", "203.0.113.10", null);
    private CloudStackVm cloudStack;
    private UserVm vm;
    private VirtualMachine machine;
    private List<Object[]> vmDataCalls;

    @BeforeEach
    void cloudStackHasAVmInASharedNetworkWhoseOfferingGivesLinuxRouterTheGuestServices() {
        plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE), PluginFixture.ROUTER_URL, "eth1");
        cloudStack = new CloudStackVm(plugin, network, nic, NIC_ID, VM_ID, VM_UUID, "web-1", USER_DATA, KEY);
        vm = cloudStack.vm;
        machine = cloudStack.machine;
        vmDataCalls = cloudStack.vmDataCalls;
    }

    @Test
    void aVmStartPutsTheNetworkWithItsServicesAndTheWholeNicOnce() throws Exception {
        VirtualMachineProfile profile = profile("Pa55-word");

        assertTrue(plugin.element.prepare(network, nic, profile, null, null));
        long revision = plugin.router.revision(NET);
        assertTrue(plugin.element.addDhcpEntry(network, nic, profile, null, null));
        assertTrue(plugin.element.addDnsEntry(network, nic, profile, null, null));
        assertTrue(plugin.element.addPasswordAndUserdata(network, nic, profile, null, null));

        assertEquals(revision, plugin.router.revision(NET), "every add puts the same nic prepare put");
        NetworkState held = plugin.router.listNetworks().get(0);
        assertEquals(Set.of(GuestService.DHCP, GuestService.DNS, GuestService.USERDATA), held.spec().services());
        assertEquals("[192.0.2.53, 192.0.2.54]", held.spec().dnsServers().toString());
        assertEquals("cloud.example", held.spec().domain().orElseThrow().value());
        NicSpec put = held.nics().get(0);
        assertEquals("[203.0.113.10]", put.addresses().toString());
        assertEquals("web-1", put.hostname().orElseThrow().value());
        assertTrue(put.defaultNic());
        assertEquals("[67=pxelinux.0]", put.dhcpOptions().toString());
        assertEquals(Map.of("service-offering", CloudStackVm.SERVICE_OFFERING, "availability-zone", "zone1", "local-hostname",
                "web-1", "local-ipv4", "203.0.113.10", "role", "web", "public-ipv4", "203.0.113.10", "instance-id",
                VM_UUID, "vm-id", VM_UUID, "cloud-identifier", "CloudStack-{abc}"), put.metadata(),
                "every vm-data entry with a value; public-hostname and hypervisor-host-name have none");
        assertEquals(List.of(KEY), put.sshPublicKeys());
        assertEquals(USER_DATA, put.userData().orElseThrow().reveal());
        assertEquals("Pa55-word", put.password().orElseThrow().reveal());

        Object[] args = vmDataCalls.get(0);
        assertEquals(List.of(USER_DATA, "{role=web}", CloudStackVm.SERVICE_OFFERING, GuestNetworks.ZONE, "i-2-42-VM", "web-1",
                VM_ID, VM_UUID, "203.0.113.10", KEY, "Pa55-word", false), java.util.Arrays.asList(args).subList(0, 12),
                "generateVmData gets what the virtual router's CommandSetupHelper gives it");
        assertEquals(null, args[12], "the hypervisor's host name is never exposed");
    }

    @Test
    void aStartWithoutANewPasswordPutsNone() throws Exception {
        assertTrue(plugin.element.addPasswordAndUserdata(network, nic, profile("saved_password"), null, null));
        assertTrue(plugin.router.listNetworks().get(0).nics().get(0).password().isEmpty());
        assertEquals(null, vmDataCalls.get(0)[10]);
    }

    @Test
    void onlyTheServicesTheOfferingGivesLinuxRouterAreServed() throws Exception {
        cloudStack.offers("Dhcp");

        assertTrue(plugin.element.addDhcpEntry(network, nic, profile("Pa55-word"), null, null));

        NetworkState held = plugin.router.listNetworks().get(0);
        assertEquals(Set.of(GuestService.DHCP), held.spec().services());
        NicSpec put = held.nics().get(0);
        assertEquals("web-1", put.hostname().orElseThrow().value());
        assertTrue(put.userData().isEmpty() && put.password().isEmpty() && put.metadata().isEmpty(),
                "user data stays with the provider the offering gives it to");
        assertTrue(vmDataCalls.isEmpty());
    }

    @Test
    void updatesReachTheRouterWhileTheVmRuns() throws Exception {
        VirtualMachineProfile profile = profile(null);
        String newKey = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 new@example";

        assertTrue(plugin.element.saveSSHKey(network, nic, profile, newKey + "\n" + KEY));
        assertEquals(List.of(newKey, KEY), plugin.router.listNetworks().get(0).nics().get(0).sshPublicKeys(),
                "the key resetSSHKey is about to store, not the stored one");

        when(vm.getUserData()).thenReturn("Y2hhbmdlZAo=");
        assertTrue(plugin.element.saveUserData(network, nic, profile));
        assertEquals("Y2hhbmdlZAo=", plugin.router.listNetworks().get(0).nics().get(0).userData().orElseThrow().reveal());

        when(profile.getParameter(any())).thenReturn("N3w-pass");
        assertTrue(plugin.element.savePassword(network, nic, profile));
        assertEquals("N3w-pass", plugin.router.listNetworks().get(0).nics().get(0).password().orElseThrow().reveal());
        verify(plugin.vmDetails, never()).addDetail(anyLong(), anyString(), anyString(), anyBoolean());
    }

    @Test
    void aPasswordForAStoppedVmIsKeptEncryptedForItsNextStartAndNothingReachesTheRouter() throws Exception {
        when(machine.getState()).thenReturn(VirtualMachine.State.Stopped);

        assertTrue(plugin.element.savePassword(network, nic, profile("N3w-pass")));
        assertTrue(plugin.element.saveUserData(network, nic, profile(null)));

        verify(plugin.vmDetails).addDetail(VM_ID, "password", "enc(N3w-pass)", false);
        assertEquals(List.of(), plugin.router.calls(), "a stopped vm's nic is not on the router");
    }

    @Test
    void extraDhcpOptionsOfARunningVmsNicArePushed() throws Exception {
        NicVO stored = storedNic();
        when(stored.isDefaultNic()).thenReturn(false);
        when(plugin.nics.findById(NIC_ID)).thenReturn(stored);
        when(plugin.registries.entities().findById(VirtualMachine.class, VM_ID)).thenReturn(machine);

        assertTrue(plugin.element.setExtraDhcpOptions(network, NIC_ID, Map.of(66, "10.0.0.5", 67, "boot.ipxe")));

        NicSpec put = plugin.router.listNetworks().get(0).nics().get(0);
        assertEquals("[66=10.0.0.5, 67=boot.ipxe]", put.dhcpOptions().toString());
        assertFalse(put.defaultNic(), "a second nic gets no router, dns or domain by dhcp");
        assertTrue(put.password().isEmpty());

        CloudRuntimeException e = assertThrows(CloudRuntimeException.class,
                () -> plugin.element.setExtraDhcpOptions(network, NIC_ID, Map.of(53, "5")));
        assertTrue(e.getMessage().contains("dhcpOptions[53].code: expected an option the dhcp server does not set"),
                e.getMessage());
    }

    @Test
    void syncingTheRouterKeepsItsGuestServicesAndAPasswordTheVmHasNotFetched() throws Exception {
        VirtualMachineProfile profile = profile("Pa55-word");
        plugin.element.prepare(network, nic, profile, null, null);
        plugin.element.addPasswordAndUserdata(network, nic, profile, null, null);
        NicVO stored = storedNic();
        when(stored.isDefaultNic()).thenReturn(true);
        when(stored.getState()).thenReturn(com.cloud.vm.Nic.State.Reserved);
        when(plugin.nics.listByNetworkId(5L)).thenReturn(List.of(stored));
        when(plugin.registries.entities().findById(Network.class, 5L)).thenReturn(network);
        RouterSync sync = new RouterSync(new HeldNetworks(plugin.placements, plugin.registries.entities(), plugin.nics,
                plugin.guestServices), plugin.gateway, plugin.registry);
        int before = plugin.router.calls().size();

        SyncReport report = sync.sync(plugin.registries.dao().listAll().get(0), SyncMode.DIFFERENCES);

        assertEquals(List.of("listNetworks"), plugin.router.calls().subList(before, plugin.router.calls().size()),
                "services, resolvers, domain and the nic's data are what CloudStack holds: nothing to repair");
        assertEquals(List.of(), report.failures());
        assertEquals("Pa55-word", plugin.router.listNetworks().get(0).nics().get(0).password().orElseThrow().reveal());
    }

    @Test
    void removeDhcpEntryTakesTheNicOffTheRouter() throws Exception {
        plugin.element.prepare(network, nic, profile(null), null, null);

        assertTrue(plugin.element.removeDhcpEntry(network, nic, profile(null)));

        assertEquals("deleteNic " + NET + "/" + NIC, plugin.router.calls().get(plugin.router.calls().size() - 1));
        assertEquals(List.of(), plugin.router.listNetworks().get(0).nics());
    }

    @Test
    void badDataIsRefusedNamingTheFieldWithoutQuotingSecretsAndNothingIsPut() {
        when(vm.getHostName()).thenReturn("web 1");
        CloudRuntimeException e = assertThrows(CloudRuntimeException.class,
                () -> plugin.element.prepare(network, nic, profile(null), null, null));
        assertTrue(e.getMessage().endsWith("cannot give it guest services: hostname: expected one dns label (letters,"
                + " digits and inner hyphens), got \"web 1\""), e.getMessage());

        when(vm.getHostName()).thenReturn("web-1");
        when(vm.getUserData()).thenReturn("not base64: top secret");
        e = assertThrows(CloudRuntimeException.class,
                () -> plugin.element.addPasswordAndUserdata(network, nic, profile(null), null, null));
        assertTrue(e.getMessage().contains("userData: expected base64"), e.getMessage());
        assertFalse(e.getMessage().contains("top secret"), e.getMessage());

        assertEquals(List.of(), plugin.router.calls(), "a refused nic is not put, nor its network");
    }

    @Test
    void aSystemVmsNicGetsTheNetworkButNoGuestData() throws Exception {
        VirtualMachineProfile router = profile(null);
        when(router.getType()).thenReturn(VirtualMachine.Type.DomainRouter);

        assertTrue(plugin.element.prepare(network, nic, router, null, null));
        assertTrue(plugin.element.addDhcpEntry(network, nic, router, null, null));

        assertEquals(List.of("putNetwork " + NET), plugin.router.calls());
    }

    private NicVO storedNic() {
        NicVO stored = mock(NicVO.class);
        when(stored.getId()).thenReturn(NIC_ID);
        when(stored.getUuid()).thenReturn(NIC);
        when(stored.getMacAddress()).thenReturn("02:00:4c:4f:4f:50");
        when(stored.getIPv4Address()).thenReturn("203.0.113.10");
        when(stored.getVmType()).thenReturn(VirtualMachine.Type.User);
        when(stored.getInstanceId()).thenReturn(VM_ID);
        return stored;
    }

    private VirtualMachineProfile profile(String password) {
        return cloudStack.profile(password);
    }
}
