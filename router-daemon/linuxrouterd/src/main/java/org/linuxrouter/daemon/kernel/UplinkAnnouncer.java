package org.linuxrouter.daemon.kernel;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;
import org.linuxrouter.rtnetlink.NeighbourAnnouncer;

/**
 * On a router pair's takeover: announces every public address the router proxies on its uplink (gratuitous ARP,
 * unsolicited NA from the uplink's MAC), so the upstream router sends their traffic here at once rather than to the
 * old master until its neighbour entries expire. keepalived announces the gateways itself.
 */
public final class UplinkAnnouncer {

    private final Optional<String> uplink;
    private final NeighbourAnnouncer announcer;

    public UplinkAnnouncer(Optional<String> uplink) {
        this.uplink = uplink;
        this.announcer = NeighbourAnnouncer.system();
    }

    /** Announces the addresses of {@code proxies} that sit on the uplink; returns how many packets were sent. */
    public int announce(KernelState desired) {
        if (uplink.isEmpty()) {
            return 0;
        }
        List<InetAddress> addresses = desired.proxies().stream().filter(p -> p.link().equals(uplink.get()))
                .map(ProxyNeighbour::address).toList();
        if (addresses.isEmpty()) {
            return 0;
        }
        try {
            NetworkInterface nic = NetworkInterface.getByName(uplink.get());
            if (nic == null || nic.getHardwareAddress() == null) {
                throw new KernelException("uplink " + uplink.get() + ": no such interface with a MAC address", null);
            }
            return announcer.announce(nic.getIndex(), nic.getHardwareAddress(), addresses);
        } catch (SocketException e) {
            throw new KernelException("uplink " + uplink.get() + ": " + e.getMessage(), e);
        }
    }
}
