package org.linuxrouter.daemon.services.metadata;

import java.net.Inet4Address;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one guest NIC is served: the addresses it may ask from, its metadata keys in CloudStack's order (the
 * listing order), its decoded user data (empty: none) and its one-time password.
 *
 * @param network the network's UUID
 * @param nic the NIC's UUID
 * @param addresses the IPv4 addresses the NIC holds on the network; a request is answered only from one of them
 * @param metadata key to value, in the order the listing shows them; keys are validated upstream
 * @param password the password not yet acknowledged by the guest
 */
public record GuestNic(String network, String nic, List<Inet4Address> addresses, Map<String, String> metadata,
                       byte[] userData, Optional<String> password) {

    public GuestNic {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(nic, "nic");
        addresses = List.copyOf(addresses);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        userData = userData.clone();
        Objects.requireNonNull(password, "password");
    }

    /** The decoded user data; empty means the VM has none (answered 404, as the virtual router does). */
    @Override
    public byte[] userData() {
        return userData.clone();
    }

    int userDataLength() {
        return userData.length;
    }

    GuestNic withoutPassword() {
        return new GuestNic(network, nic, addresses, metadata, userData, Optional.empty());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GuestNic g && network.equals(g.network) && nic.equals(g.nic)
                && addresses.equals(g.addresses) && metadata.equals(g.metadata) && Arrays.equals(userData, g.userData)
                && password.equals(g.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(network, nic, addresses, metadata, Arrays.hashCode(userData), password);
    }

    /** Never prints user data or the password: they are secrets. */
    @Override
    public String toString() {
        return "GuestNic[network=" + network + ", nic=" + nic + ", addresses=" + addresses + ", keys="
                + metadata.keySet() + ", userData=" + userData.length + " bytes, password="
                + (password.isPresent() ? "set" : "none") + "]";
    }
}
