package org.linuxrouter.daemon.services.metadata;

import java.net.Inet4Address;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one guest NIC is served: the addresses it may ask from, its metadata keys (in listing order), its user data
 * as CloudStack sends it (base64, decoded only when asked for, so 100,000 NICs do not hold two copies) and its
 * one-time password.
 *
 * @param network the network's UUID
 * @param nic the NIC's UUID
 * @param addresses the IPv4 addresses the NIC holds on the network; a request is answered only from one of them
 * @param metadata key to value, in the order the listing shows them; keys are validated upstream
 * @param userData base64 (RFC 4648, validated upstream); empty: the VM has none
 * @param password the password not yet acknowledged by the guest
 */
public record GuestNic(String network, String nic, List<Inet4Address> addresses, Map<String, String> metadata,
                       String userData, Optional<String> password) {

    public GuestNic {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(nic, "nic");
        addresses = List.copyOf(addresses);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        Objects.requireNonNull(userData, "userData");
        Objects.requireNonNull(password, "password");
    }

    /** The decoded user data; empty means the VM has none (answered 404, as the virtual router does). */
    byte[] decodedUserData() {
        return Base64.getDecoder().decode(userData);
    }

    GuestNic withoutPassword() {
        return new GuestNic(network, nic, addresses, metadata, userData, Optional.empty());
    }


    /** Never prints user data or the password: they are secrets. */
    @Override
    public String toString() {
        return "GuestNic[network=" + network + ", nic=" + nic + ", addresses=" + addresses + ", keys="
                + metadata.keySet() + ", userData=" + (userData.isEmpty() ? "none" : "set") + ", password="
                + (password.isPresent() ? "set" : "none") + "]";
    }
}
