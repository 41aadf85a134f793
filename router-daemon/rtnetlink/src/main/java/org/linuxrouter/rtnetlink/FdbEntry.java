package org.linuxrouter.rtnetlink;

import java.net.InetAddress;
import java.util.Optional;
import org.linuxrouter.rtnetlink.wire.Nda;

/**
 * An entry of a device's own forwarding table (AF_BRIDGE, NTF_SELF), as {@code bridge fdb} shows it. On a VXLAN
 * device an entry maps a MAC address to the remote VTEP it lives behind; the all-zero MAC is the flood entry:
 * broadcast, multicast and unknown unicast go to every VTEP that has one (head-end replication, for underlays
 * without multicast).
 *
 * @param linkIndex ifindex of the device
 * @param mac       NDA_LLADDR
 * @param remote    NDA_DST: the remote VTEP; absent on plain bridge entries
 * @param state     NUD_* state
 * @param flags     NTF_* flags
 */
public record FdbEntry(int linkIndex, HardwareAddress mac, Optional<InetAddress> remote, int state, int flags) {
    private static final HardwareAddress ALL_ZERO = new HardwareAddress(new byte[6]);

    public FdbEntry {
        Validate.linkIndex(linkIndex);
        if (mac == null || remote == null) {
            throw new IllegalArgumentException("expected mac and remote to be non-null");
        }
    }

    /** {@code bridge fdb append 00:00:00:00:00:00 dev LINK dst REMOTE}: flood to REMOTE. */
    public static FdbEntry flood(int linkIndex, InetAddress remote) {
        return new FdbEntry(linkIndex, ALL_ZERO, Optional.of(remote), Nda.NUD_NOARP | Nda.NUD_PERMANENT,
                Nda.NTF_SELF);
    }

    /** The all-zero MAC with a remote: a flood entry. */
    public boolean isFlood() {
        return mac.equals(ALL_ZERO) && remote.isPresent();
    }
}
