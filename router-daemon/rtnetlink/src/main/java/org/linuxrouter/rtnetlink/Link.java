package org.linuxrouter.rtnetlink;

import java.util.Optional;
import java.util.OptionalInt;
import org.linuxrouter.rtnetlink.wire.Ifla;

/**
 * A network interface as the kernel reports it (one RTM_NEWLINK message).
 *
 * @param index   ifindex
 * @param name    IFLA_IFNAME
 * @param kind    what kind of link; VLANs carry their parent and id
 * @param flags   IFF_* flags
 * @param mtu     IFLA_MTU
 * @param address IFLA_ADDRESS, absent for links without one
 * @param alias   IFLA_IFALIAS, absent when unset; the daemon marks the links it owns with it
 * @param master  IFLA_MASTER: the bridge or bond this link is enslaved to
 */
public record Link(int index, String name, LinkKind kind, int flags, int mtu, Optional<HardwareAddress> address,
                   Optional<String> alias, OptionalInt master) {
    public Link {
        Validate.linkName(name);
        if (kind == null || address == null || alias == null || master == null) {
            throw new IllegalArgumentException("expected kind, address, alias and master to be non-null");
        }
    }

    /** Administratively up (IFF_UP), as set by {@code ip link set dev NAME up}. */
    public boolean isUp() {
        return (flags & Ifla.IFF_UP) != 0;
    }

    /** The carrier is up (IFF_LOWER_UP). */
    public boolean isLowerUp() {
        return (flags & Ifla.IFF_LOWER_UP) != 0;
    }
}
