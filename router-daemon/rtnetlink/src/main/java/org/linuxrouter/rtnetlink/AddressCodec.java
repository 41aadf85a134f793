package org.linuxrouter.rtnetlink;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;
import org.linuxrouter.rtnetlink.wire.AddressFamily;
import org.linuxrouter.rtnetlink.wire.Attributes;
import org.linuxrouter.rtnetlink.wire.IfAddrMsg;
import org.linuxrouter.rtnetlink.wire.Ifa;
import org.linuxrouter.rtnetlink.wire.NetlinkMessage;
import org.linuxrouter.rtnetlink.wire.Rtm;

/** RTM_*ADDR requests and the decoding of RTM_NEWADDR/RTM_DELADDR into {@link Address}. */
final class AddressCodec {
    private AddressCodec() {
    }

    static Request dump() {
        return Request.of(Rtm.GETADDR, Request.DUMP, "dump",
                out -> new IfAddrMsg(AddressFamily.UNSPEC, 0, 0, 0, 0).write(out));
    }

    /**
     * As {@code ip addr add PREFIX dev LINK [nodad]}: IFA_LOCAL and IFA_ADDRESS both hold the address; the flags go
     * in the header (and IFA_FLAGS when beyond its 8 bits).
     */
    static Request add(Address address) {
        return Request.of(Rtm.NEWADDR, Request.CREATE_EXCL, subject(address), out -> {
            new IfAddrMsg(address.family(), address.prefix().length(), address.flags() & 0xff, address.scope(),
                    address.linkIndex()).write(out);
            byte[] raw = address.prefix().address().getAddress();
            out.attrBytes(Ifa.LOCAL, raw).attrBytes(Ifa.ADDRESS, raw);
            address.protocol().ifPresent(p -> out.attrU8(Ifa.PROTO, p));
            if ((address.flags() & ~0xff) != 0) {
                out.attrU32(Ifa.FLAGS, address.flags()); // the header has room for the low 8 bits only
            }
        });
    }

    static Request delete(Address address) {
        return Request.of(Rtm.DELADDR, Request.CHANGE, subject(address), out -> {
            header(address).write(out);
            byte[] raw = address.prefix().address().getAddress();
            out.attrBytes(Ifa.LOCAL, raw).attrBytes(Ifa.ADDRESS, raw);
        });
    }

    static Address decode(NetlinkMessage message) {
        IfAddrMsg header = IfAddrMsg.read(message);
        Attributes attrs = message.attributes(IfAddrMsg.LENGTH);
        // IFA_LOCAL is the interface's own address; IFA_ADDRESS is the peer on point-to-point links, and the only
        // one IPv6 sends otherwise
        InetAddress local = attrs.address(Ifa.LOCAL).or(() -> attrs.address(Ifa.ADDRESS))
                .orElseThrow(() -> new IllegalStateException("expected IFA_LOCAL or IFA_ADDRESS in "
                        + Rtm.typeName(message.type()) + " for ifindex " + header.index()));
        Optional<String> label = attrs.string(Ifa.LABEL);
        OptionalInt protocol = attrs.u8(Ifa.PROTO);
        int flags = attrs.u32(Ifa.FLAGS).orElse(header.flags());
        return new Address(header.index(), new IpPrefix(local, header.prefixLength()), header.scope(), flags, label,
                protocol);
    }

    private static IfAddrMsg header(Address address) {
        return new IfAddrMsg(address.family(), address.prefix().length(), 0, address.scope(), address.linkIndex());
    }

    private static String subject(Address address) {
        return address.prefix() + " dev " + address.linkIndex();
    }
}
