package org.linuxrouter.cloudstack.element;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.cloud.vm.Nic;
import com.cloud.vm.NicProfile;
import com.cloud.vm.VirtualMachine;

/**
 * A guest NIC as the router needs it, read either from the {@link NicProfile} CloudStack passes to
 * {@code prepare()} or from a stored {@link Nic} (reconciliation): its UUID, MAC, the VM's IPv4 and IPv6 address
 * (blank means none), and the kind of VM it belongs to.
 */
public final class GuestNic {
    private final String uuid;
    private final String mac;
    private final String ipv4;
    private final String ipv6;
    private final VirtualMachine.Type vmType;

    public GuestNic(String uuid, String mac, String ipv4, String ipv6, VirtualMachine.Type vmType) {
        this.uuid = uuid;
        this.mac = mac == null ? null : mac.toLowerCase(Locale.ROOT);
        this.ipv4 = blankToNull(ipv4);
        this.ipv6 = blankToNull(ipv6);
        this.vmType = vmType;
    }

    public static GuestNic of(NicProfile nic, VirtualMachine.Type vmType) {
        return new GuestNic(nic.getUuid(), nic.getMacAddress(), nic.getIPv4Address(), nic.getIPv6Address(), vmType);
    }

    public static GuestNic of(Nic nic) {
        return new GuestNic(nic.getUuid(), nic.getMacAddress(), nic.getIPv4Address(), nic.getIPv6Address(), nic.getVmType());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public String uuid() {
        return uuid;
    }

    public String mac() {
        return mac;
    }

    public Optional<String> ipv4() {
        return Optional.ofNullable(ipv4);
    }

    public Optional<String> ipv6() {
        return Optional.ofNullable(ipv6);
    }

    /** Routes and proxy entries are for user VMs' addresses only, never for system VMs on the network. */
    public boolean isUserVm() {
        return vmType == VirtualMachine.Type.User;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof GuestNic)) {
            return false;
        }
        GuestNic that = (GuestNic) other;
        return Objects.equals(uuid, that.uuid) && Objects.equals(mac, that.mac) && Objects.equals(ipv4, that.ipv4)
                && Objects.equals(ipv6, that.ipv6) && vmType == that.vmType;
    }

    @Override
    public int hashCode() {
        return Objects.hash(uuid, mac, ipv4, ipv6, vmType);
    }

    @Override
    public String toString() {
        return "nic " + uuid + " (" + mac + ", " + ipv4 + ", " + ipv6 + ", " + vmType + ")";
    }
}
