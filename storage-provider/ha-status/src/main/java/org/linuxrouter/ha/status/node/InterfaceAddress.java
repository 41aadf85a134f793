package org.linuxrouter.ha.status.node;

import java.util.Objects;

/** One address on one interface, as {@code ip -j addr} lists it. */
public final class InterfaceAddress {
    private final String interfaceName;
    private final String address;
    private final int prefixLength;

    public InterfaceAddress(String interfaceName, String address, int prefixLength) {
        this.interfaceName = Objects.requireNonNull(interfaceName, "interfaceName");
        this.address = Objects.requireNonNull(address, "address");
        if (prefixLength < 0 || prefixLength > 128) {
            throw new IllegalArgumentException("prefixLength must be 0..128, got " + prefixLength);
        }
        this.prefixLength = prefixLength;
    }

    public String interfaceName() {
        return interfaceName;
    }

    public String address() {
        return address;
    }

    public int prefixLength() {
        return prefixLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InterfaceAddress && ((InterfaceAddress) o).interfaceName.equals(interfaceName)
                && ((InterfaceAddress) o).address.equals(address) && ((InterfaceAddress) o).prefixLength == prefixLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(interfaceName, address, prefixLength);
    }

    @Override
    public String toString() {
        return address + "/" + prefixLength + " dev " + interfaceName;
    }
}
