package org.linuxrouter.daemon.services.metadata;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One network as the metadata service sees it: the router's addresses on it (where guests connect: the gateway,
 * later a VRRP address too) and its NICs, indexed by address.
 */
public final class GuestNetwork {

    private final String network;
    private final Set<Inet4Address> serverAddresses;
    private final Map<InetAddress, GuestNic> byAddress;
    private final List<GuestNic> nics;

    public GuestNetwork(String network, Set<Inet4Address> serverAddresses, List<GuestNic> nics) {
        this.network = Objects.requireNonNull(network, "network");
        this.serverAddresses = Set.copyOf(serverAddresses);
        Map<InetAddress, GuestNic> index = new HashMap<>();
        for (GuestNic nic : nics) {
            if (!nic.network().equals(network)) {
                throw new IllegalArgumentException("nic " + nic.nic() + ": expected network " + network + ", got "
                        + nic.network());
            }
            for (Inet4Address a : nic.addresses()) {
                GuestNic other = index.putIfAbsent(a, nic);
                if (other != null) {
                    throw new IllegalArgumentException("network " + network + ": address " + a.getHostAddress()
                            + " claimed by nics " + other.nic() + " and " + nic.nic());
                }
            }
        }
        this.byAddress = Map.copyOf(index);
        this.nics = List.copyOf(nics);
    }

    public String network() {
        return network;
    }

    public Set<Inet4Address> serverAddresses() {
        return serverAddresses;
    }

    /** The NIC holding {@code peer} on this network, if any. */
    public Optional<GuestNic> nicAt(InetAddress peer) {
        return Optional.ofNullable(byAddress.get(peer));
    }

    public List<GuestNic> nics() {
        return nics;
    }

    int nicAddresses() {
        return byAddress.size();
    }
}
