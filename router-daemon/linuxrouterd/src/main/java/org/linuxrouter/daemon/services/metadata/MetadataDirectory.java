package org.linuxrouter.daemon.services.metadata;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may read what: (router address the guest connected to, guest address) → the guest's NIC. A request is
 * answered only when the guest's address belongs to a NIC of the very network whose router address it connected
 * to, so a guest never reads another guest's data, nor its own through another network's address. Immutable;
 * the service swaps in a new directory whenever desired state changes.
 */
public final class MetadataDirectory {

    public static final MetadataDirectory EMPTY = new MetadataDirectory(java.util.List.of());

    private final Map<InetAddress, GuestNetwork> byServerAddress;
    private final Map<String, GuestNetwork> byNetwork;
    private final int nics;

    public MetadataDirectory(Collection<GuestNetwork> networks) {
        Map<InetAddress, GuestNetwork> index = new HashMap<>();
        Map<String, GuestNetwork> networkIndex = new HashMap<>();
        int count = 0;
        for (GuestNetwork n : networks) {
            networkIndex.put(n.network(), n);
            for (Inet4Address a : n.serverAddresses()) {
                GuestNetwork other = index.putIfAbsent(a, n);
                if (other != null) {
                    throw new IllegalArgumentException("router address " + a.getHostAddress() + " serves networks "
                            + other.network() + " and " + n.network());
                }
            }
            count += n.nicAddresses();
        }
        this.byServerAddress = Map.copyOf(index);
        this.byNetwork = Map.copyOf(networkIndex);
        this.nics = count;
    }

    /** The NIC a connection from {@code peer} to {@code local} speaks for, if it may be answered at all. */
    public Optional<GuestNic> lookup(InetAddress local, InetAddress peer) {
        GuestNetwork network = byServerAddress.get(unmap(local));
        return network == null ? Optional.empty() : network.nicAt(unmap(peer));
    }

    /** Whether the NIC {@code nic} still has {@code password} to be served. */
    boolean holdsPassword(String network, String nic, String password) {
        GuestNetwork n = byNetwork.get(network);
        return n != null && n.nics().stream()
                .anyMatch(g -> g.nic().equals(nic) && g.password().filter(password::equals).isPresent());
    }

    /** Guest addresses that can be answered, for metrics. */
    public int guestAddresses() {
        return nics;
    }

    /** An IPv4-mapped IPv6 address (a dual-stack socket's view of an IPv4 peer) as the IPv4 address it is. */
    static InetAddress unmap(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 16) {
            for (int i = 0; i < 10; i++) {
                if (b[i] != 0) {
                    return a;
                }
            }
            if ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return a;
    }
}
