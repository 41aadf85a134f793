package org.linuxrouter.rtnetlink;

import java.util.Optional;
import java.util.OptionalInt;
import org.linuxrouter.rtnetlink.wire.AddressFamily;
import org.linuxrouter.rtnetlink.wire.Rtm;

/**
 * An IP address on an interface (one RTM_NEWADDR message), and the request to add or delete one.
 *
 * @param linkIndex ifindex of the interface
 * @param prefix    the address and its prefix length (IFA_LOCAL, or IFA_ADDRESS where there is no IFA_LOCAL)
 * @param scope     RT_SCOPE_* (0, universe, for anything routable)
 * @param flags     IFA_F_* flags (IFA_FLAGS when present)
 * @param label     IFA_LABEL (IPv4 only), absent when the kernel sent none
 * @param protocol  IFA_PROTO (Linux 6.1+): who added the address; lets a daemon recognise its own
 */
public record Address(int linkIndex, IpPrefix prefix, int scope, int flags, Optional<String> label,
                      OptionalInt protocol) {
    public Address {
        Validate.linkIndex(linkIndex);
        Validate.u8("scope", scope);
        if (prefix == null || label == null || protocol == null) {
            throw new IllegalArgumentException("expected prefix, label and protocol to be non-null");
        }
        protocol.ifPresent(p -> Validate.u8("address protocol", p));
    }

    /** An address to add or delete: global scope, no flags, no protocol tag. */
    public static Address of(int linkIndex, IpPrefix prefix) {
        return new Address(linkIndex, prefix, Rtm.RT_SCOPE_UNIVERSE, 0, Optional.empty(), OptionalInt.empty());
    }

    /** The same address tagged with IFA_PROTO {@code protocol} (0..255). */
    public Address withProtocol(int protocol) {
        return new Address(linkIndex, prefix, scope, flags, label, OptionalInt.of(protocol));
    }

    /** The same address with IFA_F_* {@code flags} (e.g. {@code Ifa.F_NODAD}: no duplicate address detection). */
    public Address withFlags(int flags) {
        return new Address(linkIndex, prefix, scope, flags, label, protocol);
    }

    /** As {@code ip addr add … nodad}: usable at once, no duplicate address detection (IPv6). */
    public Address withoutDad() {
        return withFlags(flags | org.linuxrouter.rtnetlink.wire.Ifa.F_NODAD);
    }

    /** AF_INET or AF_INET6. */
    public int family() {
        return AddressFamily.of(prefix.address());
    }
}
