package org.linuxrouter.daemon.services.firewall;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;
import org.linuxrouter.protocol.model.MacAddress;

/** One registered NIC on a guest interface: the MAC it must send from and the addresses it may send as. */
public record GuestBinding(MacAddress mac, List<Inet4Address> ipv4, List<Inet6Address> ipv6) {
    public GuestBinding {
        Objects.requireNonNull(mac, "mac");
        ipv4 = List.copyOf(ipv4);
        ipv6 = List.copyOf(ipv6);
    }
}
