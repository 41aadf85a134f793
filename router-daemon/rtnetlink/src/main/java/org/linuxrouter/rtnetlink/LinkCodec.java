package org.linuxrouter.rtnetlink;

import java.util.Optional;
import java.util.OptionalInt;
import org.linuxrouter.rtnetlink.wire.AddressFamily;
import org.linuxrouter.rtnetlink.wire.Attributes;
import org.linuxrouter.rtnetlink.wire.IfInfoMsg;
import org.linuxrouter.rtnetlink.wire.Ifla;
import org.linuxrouter.rtnetlink.wire.NetlinkMessage;
import org.linuxrouter.rtnetlink.wire.Rtm;

/** RTM_*LINK requests and the decoding of RTM_NEWLINK into {@link Link}; kinds are in {@link LinkKindCodec}. */
final class LinkCodec {
    private LinkCodec() {
    }

    static Request dump() {
        return Request.of(Rtm.GETLINK, Request.DUMP, "dump", out -> {
            IfInfoMsg.of(0).write(out);
            out.attrU32(Ifla.EXT_MASK, Ifla.RTEXT_FILTER_SKIP_STATS);
        });
    }

    static Request getByName(String name) {
        return Request.of(Rtm.GETLINK, Request.GET, Validate.linkName(name), out -> {
            IfInfoMsg.of(0).write(out);
            out.attrU32(Ifla.EXT_MASK, Ifla.RTEXT_FILTER_SKIP_STATS).attrString(Ifla.IFNAME, name);
        });
    }

    static Request getByIndex(int index) {
        return Request.of(Rtm.GETLINK, Request.GET, "index " + Validate.linkIndex(index), out -> {
            IfInfoMsg.of(index).write(out);
            out.attrU32(Ifla.EXT_MASK, Ifla.RTEXT_FILTER_SKIP_STATS);
        });
    }

    /** Field order as iproute2's {@code ip link add link PARENT name NAME type KIND ...}, byte for byte. */
    static Request create(String name, LinkKind kind) {
        Validate.linkName(name);
        return Request.of(Rtm.NEWLINK, Request.CREATE_EXCL, name, out -> {
            IfInfoMsg.of(0).write(out);
            LinkKindCodec.writeLowerLink(out, kind);
            out.attrString(Ifla.IFNAME, name);
            LinkKindCodec.writeLinkInfo(out, kind);
        });
    }

    static Request createVeth(String name, String peerName) {
        Validate.linkName(name);
        Validate.linkName(peerName);
        return Request.of(Rtm.NEWLINK, Request.CREATE_EXCL, name, out -> {
            IfInfoMsg.of(0).write(out);
            out.attrString(Ifla.IFNAME, name);
            LinkKindCodec.writeVethInfo(out, peerName);
        });
    }

    static Request delete(String name) {
        return Request.of(Rtm.DELLINK, Request.CHANGE, Validate.linkName(name), out -> {
            IfInfoMsg.of(0).write(out);
            out.attrString(Ifla.IFNAME, name);
        });
    }

    static Request setUp(String name, boolean up) {
        return Request.of(Rtm.NEWLINK, Request.CHANGE, Validate.linkName(name) + (up ? " up" : " down"), out -> {
            new IfInfoMsg(AddressFamily.UNSPEC, 0, 0, up ? Ifla.IFF_UP : 0, Ifla.IFF_UP).write(out);
            out.attrString(Ifla.IFNAME, name);
        });
    }

    static Request setMtu(String name, int mtu) {
        Validate.mtu(mtu);
        return Request.of(Rtm.NEWLINK, Request.CHANGE, Validate.linkName(name) + " mtu " + mtu, out -> {
            IfInfoMsg.of(0).write(out);
            out.attrString(Ifla.IFNAME, name).attrU32(Ifla.MTU, mtu);
        });
    }

    /** As iproute2: the alias without its NUL; an empty alias removes it. */
    static Request setAlias(String name, String alias) {
        Validate.alias(alias);
        return Request.of(Rtm.NEWLINK, Request.CHANGE, Validate.linkName(name) + " alias", out -> {
            IfInfoMsg.of(0).write(out);
            out.attrString(Ifla.IFNAME, name).attrStringNoNul(Ifla.IFALIAS, alias);
        });
    }

    static Link decode(NetlinkMessage message) {
        IfInfoMsg info = IfInfoMsg.read(message);
        Attributes attrs = message.attributes(IfInfoMsg.LENGTH);
        String name = attrs.string(Ifla.IFNAME).orElseThrow(() -> new IllegalStateException(
                "expected IFLA_IFNAME in " + Rtm.typeName(message.type()) + " for ifindex " + info.index()));
        Optional<HardwareAddress> address = attrs.bytes(Ifla.ADDRESS).filter(b -> b.length > 0)
                .map(HardwareAddress::new);
        Optional<String> alias = attrs.string(Ifla.IFALIAS).filter(a -> !a.isEmpty());
        OptionalInt master = attrs.u32(Ifla.MASTER);
        return new Link(info.index(), name, LinkKindCodec.decode(attrs), info.flags(),
                attrs.u32(Ifla.MTU).orElse(0), address, alias, master);
    }
}
