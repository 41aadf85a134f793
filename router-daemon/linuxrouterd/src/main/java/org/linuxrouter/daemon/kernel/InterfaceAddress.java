package org.linuxrouter.daemon.kernel;

import java.net.InetAddress;
import java.util.Objects;
import org.linuxrouter.protocol.model.InterfaceName;

/** An address with its prefix on an owned link. Equivalent to: {@code ip addr add ADDRESS/PREFIX dev LINK}. */
public record InterfaceAddress(String link, InetAddress address, int prefixLength) {
    public InterfaceAddress {
        InterfaceName.of("address link", link);
        Objects.requireNonNull(address, "address");
        int max = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length: expected 0.." + max + ", got " + prefixLength);
        }
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength + " dev " + link;
    }
}
