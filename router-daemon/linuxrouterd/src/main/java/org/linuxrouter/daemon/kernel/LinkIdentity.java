package org.linuxrouter.daemon.kernel;

import java.util.Arrays;

/**
 * What a packet socket needs to send on a link: its index and MAC, as the last kernel dump saw them.
 *
 * @param index the ifindex
 * @param mac the link's 6-byte hardware address (a copy)
 */
public record LinkIdentity(int index, byte[] mac) {
    public LinkIdentity {
        if (index <= 0) {
            throw new IllegalArgumentException("ifindex: expected a positive index, got " + index);
        }
        if (mac == null || mac.length != 6) {
            throw new IllegalArgumentException("mac: expected 6 bytes");
        }
        mac = mac.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinkIdentity that && index == that.index && Arrays.equals(mac, that.mac);
    }

    @Override
    public int hashCode() {
        return 31 * index + Arrays.hashCode(mac);
    }

    @Override
    public String toString() {
        return "LinkIdentity[index=" + index + ", mac=" + java.util.HexFormat.ofDelimiter(":").formatHex(mac) + "]";
    }
}
