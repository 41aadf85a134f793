package org.linuxrouter.cloudstack.element;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.linuxrouter.cloudstack.element.GuestServices.Change;
import org.linuxrouter.cloudstack.element.GuestServices.NicFacts;
import org.linuxrouter.protocol.model.NicSpec;

import com.cloud.exception.ResourceUnavailableException;
import com.cloud.network.Network;
import com.cloud.utils.db.EntityManager;
import com.cloud.utils.exception.CloudRuntimeException;
import com.cloud.vm.Nic;
import com.cloud.vm.NicProfile;
import com.cloud.vm.VirtualMachine;
import com.cloud.vm.VirtualMachineProfile;
import com.cloud.vm.dao.NicDao;

/**
 * The guest services' steps (DHCP, DNS, user data, password), between the element and {@link NetworkLifecycle}. The
 * router holds each NIC as a whole, so every step puts the whole NIC, built afresh from CloudStack's data by
 * {@link GuestServices}: the same data again changes nothing on the router. A NIC is on the router while its VM runs
 * (release takes it off), so a change to a stopped VM is pushed at its next start, when CloudStack has stored it;
 * only a password needs keeping until then.
 */
public class GuestServiceLifecycle {
    private static final Logger LOG = LogManager.getLogger(GuestServiceLifecycle.class);
    /** States in which the VM's NICs are on the router (prepare ran, release did not). */
    private static final Set<VirtualMachine.State> NIC_ON_ROUTER = Set.of(VirtualMachine.State.Starting,
            VirtualMachine.State.Running, VirtualMachine.State.Migrating);

    @Inject
    private NetworkLifecycle lifecycle;
    @Inject
    private GuestServices services;
    @Inject
    private NicDao nics;
    @Inject
    private EntityManager entities;

    public GuestServiceLifecycle() {
    }

    /** For tests and hand wiring. */
    public GuestServiceLifecycle(NetworkLifecycle lifecycle, GuestServices services, NicDao nics, EntityManager entities) {
        this.lifecycle = lifecycle;
        this.services = services;
        this.nics = nics;
        this.entities = entities;
    }

    /** Whether the network's offering gives LinuxRouter any of Dhcp, Dns, UserData. */
    public boolean servesGuests(Network network) {
        return !services.of(network).isEmpty();
    }

    /**
     * prepare, addDhcpEntry, addDnsEntry, addPasswordAndUserdata: the network and the NIC with everything its
     * services need, the password CloudStack hands this start (if any) included.
     */
    public void putNic(Network network, NicProfile nic, VirtualMachineProfile vm, Change change)
            throws UnsupportedNetworkException, ResourceUnavailableException {
        Optional<NicSpec> spec = services.nicSpec(network, GuestNic.of(nic, vm.getType()), facts(nic, vm),
                password(vm), change);
        if (spec.isPresent()) {
            lifecycle.putNic(network, spec.get());
        } else {
            lifecycle.ensureNetwork(network);
        }
    }

    /** saveUserData, saveSSHKey: pushed while the VM runs; a stopped VM gets the stored data at its next start. */
    public void update(Network network, NicProfile nic, VirtualMachineProfile vm, Change change)
            throws UnsupportedNetworkException, ResourceUnavailableException {
        if (nicOnRouter(vm.getVirtualMachine())) {
            putNic(network, nic, vm, change);
        } else {
            LOG.debug("{} of {} is stopped; its nic {} gets the change at its next start",
                    vm.getUuid(), NetworkTranslator.ref(network), nic.getUuid());
        }
    }

    /**
     * savePassword (resetPasswordForVirtualMachine): the password goes to the router while the VM runs; for a
     * stopped VM it is kept, encrypted, for its next start.
     */
    public void savePassword(Network network, NicProfile nic, VirtualMachineProfile vm)
            throws UnsupportedNetworkException, ResourceUnavailableException {
        String password = password(vm);
        if (password == null || password.isEmpty()) {
            throw new CloudRuntimeException(NetworkTranslator.ref(network) + ", vm " + vm.getUuid()
                    + ": expected a password in the vm profile (VmPassword) to save, got none");
        }
        if (nicOnRouter(vm.getVirtualMachine())) {
            putNic(network, nic, vm, Change.NONE);
        } else {
            services.keepPasswordForNextStart(vm.getId(), password);
        }
    }

    /** setExtraDhcpOptions: the NIC's new options, pushed while its VM runs. */
    public void setExtraDhcpOptions(Network network, long nicId, Map<Integer, String> options)
            throws UnsupportedNetworkException, ResourceUnavailableException {
        Nic nic = nics.findById(nicId);
        if (nic == null) {
            throw new CloudRuntimeException(NetworkTranslator.ref(network) + ": expected nic " + nicId
                    + " to set extra dhcp options on, found none");
        }
        VirtualMachine vm = entities.findById(VirtualMachine.class, nic.getInstanceId());
        if (vm == null || !nicOnRouter(vm)) {
            return; // CloudStack stores the options; the next start pushes them
        }
        Optional<NicSpec> spec = services.nicSpec(network, GuestNic.of(nic),
                new NicFacts(nic.getId(), nic.getInstanceId(), nic.isDefaultNic()), null, Change.dhcpOptions(options));
        if (spec.isPresent()) {
            lifecycle.putNic(network, spec.get());
        }
    }

    /** removeDhcpEntry: the NIC leaves the router (its lease, name, data and routes), as release does. */
    public void removeNic(Network network, NicProfile nic) throws ResourceUnavailableException {
        lifecycle.releaseNic(network, nic.getUuid());
    }

    private static NicFacts facts(NicProfile nic, VirtualMachineProfile vm) {
        return new NicFacts(nic.getId(), vm.getId(), nic.isDefaultNic());
    }

    /** CloudStack hands a new password only in the profile; "saved_password" means none (generateVmData agrees). */
    private static String password(VirtualMachineProfile vm) {
        Object password = vm.getParameter(VirtualMachineProfile.Param.VmPassword);
        return password instanceof String && !"saved_password".equals(password) ? (String) password : null;
    }

    private static boolean nicOnRouter(VirtualMachine vm) {
        return vm != null && NIC_ON_ROUTER.contains(vm.getState());
    }
}
