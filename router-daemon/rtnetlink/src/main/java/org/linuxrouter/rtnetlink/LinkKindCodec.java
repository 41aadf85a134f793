package org.linuxrouter.rtnetlink;

import java.net.InetAddress;
import java.util.Optional;
import org.linuxrouter.rtnetlink.wire.AddressFamily;
import org.linuxrouter.rtnetlink.wire.Attributes;
import org.linuxrouter.rtnetlink.wire.IfInfoMsg;
import org.linuxrouter.rtnetlink.wire.Ifla;
import org.linuxrouter.rtnetlink.wire.MessageWriter;

/** IFLA_LINKINFO for each kind: one small encode and decode per kind instead of one large switch. */
final class LinkKindCodec {
    private LinkKindCodec() {
    }

    /** IFLA_LINK: the lower device of stacked kinds (a VLAN's parent). */
    static void writeLowerLink(MessageWriter out, LinkKind kind) {
        if (kind instanceof LinkKind.Vlan) {
            out.attrU32(Ifla.LINK, ((LinkKind.Vlan) kind).parentIndex());
        }
    }

    static void writeLinkInfo(MessageWriter out, LinkKind kind) {
        if (kind instanceof LinkKind.Veth) {
            throw new IllegalArgumentException("expected a veth to be created with its peer's name (createVeth)");
        }
        if (kind instanceof LinkKind.Other && kind.name().isEmpty()) {
            throw new IllegalArgumentException("expected a kind name to create a link, got an empty one");
        }
        out.beginNested(Ifla.LINKINFO).attrStringNoNul(Ifla.INFO_KIND, kind.name());
        if (kind instanceof LinkKind.Vlan) {
            writeVlanData(out, (LinkKind.Vlan) kind);
        } else if (kind instanceof LinkKind.Vxlan) {
            writeVxlanData(out, (LinkKind.Vxlan) kind);
        }
        out.endNested();
    }

    /** As {@code ip link add NAME type veth peer name PEER}: the peer is an ifinfomsg plus its own IFLA_IFNAME. */
    static void writeVethInfo(MessageWriter out, String peerName) {
        out.beginNested(Ifla.LINKINFO).attrStringNoNul(Ifla.INFO_KIND, "veth").beginNested(Ifla.INFO_DATA)
                .beginNested(Ifla.VETH_INFO_PEER);
        IfInfoMsg.of(0).write(out);
        out.attrString(Ifla.IFNAME, peerName).endNested().endNested().endNested();
    }

    private static void writeVlanData(MessageWriter out, LinkKind.Vlan vlan) {
        out.beginNested(Ifla.INFO_DATA).attrU16BigEndian(Ifla.VLAN_PROTOCOL, vlan.protocol().ethertype())
                .attrU16(Ifla.VLAN_ID, vlan.vlanId()).endNested();
    }

    /**
     * In iproute2 6.1's order for {@code ip link add NAME type vxlan id VNI group G ttl T dev D}: TTL and LINK as
     * parsed, then ID, GROUP, LOCAL, LEARNING (always sent), PORT (only when given).
     */
    private static void writeVxlanData(MessageWriter out, LinkKind.Vxlan vxlan) {
        out.beginNested(Ifla.INFO_DATA);
        if (vxlan.ttl() > 0) {
            out.attrU8(Ifla.VXLAN_TTL, vxlan.ttl());
        }
        if (vxlan.underlayIndex() > 0) {
            out.attrU32(Ifla.VXLAN_LINK, vxlan.underlayIndex());
        }
        out.attrU32(Ifla.VXLAN_ID, vxlan.vni());
        vxlan.destination().ifPresent(d -> out.attrBytes(
                AddressFamily.of(d) == AddressFamily.INET ? Ifla.VXLAN_GROUP : Ifla.VXLAN_GROUP6, d.getAddress()));
        vxlan.local().ifPresent(l -> out.attrBytes(
                AddressFamily.of(l) == AddressFamily.INET ? Ifla.VXLAN_LOCAL : Ifla.VXLAN_LOCAL6, l.getAddress()));
        out.attrU8(Ifla.VXLAN_LEARNING, vxlan.learning() ? 1 : 0);
        if (vxlan.port() > 0) {
            out.attrU16BigEndian(Ifla.VXLAN_PORT, vxlan.port());
        }
        out.endNested();
    }

    static LinkKind decode(Attributes link) {
        Optional<Attributes> info = link.nested(Ifla.LINKINFO);
        String kind = info.flatMap(i -> i.string(Ifla.INFO_KIND)).orElse("");
        switch (kind) {
            case "vlan":
                return decodeVlan(link, info.get());
            case "vxlan":
                return decodeVxlan(info.get());
            case "veth":
                return new LinkKind.Veth();
            case "dummy":
                return new LinkKind.Dummy();
            case "bridge":
                return new LinkKind.Bridge();
            default:
                return new LinkKind.Other(kind);
        }
    }

    /** The kernel reports every attribute; an unset address is all zeros, which we read as absent. */
    private static LinkKind decodeVxlan(Attributes info) {
        Attributes data = info.nested(Ifla.INFO_DATA).orElse(Attributes.empty());
        return new LinkKind.Vxlan(data.u32(Ifla.VXLAN_ID).orElse(0),
                address(data, Ifla.VXLAN_GROUP).or(() -> address(data, Ifla.VXLAN_GROUP6)),
                address(data, Ifla.VXLAN_LOCAL).or(() -> address(data, Ifla.VXLAN_LOCAL6)),
                data.u32(Ifla.VXLAN_LINK).orElse(0), data.u8(Ifla.VXLAN_TTL).orElse(0),
                data.u16BigEndian(Ifla.VXLAN_PORT).orElse(0), data.u8(Ifla.VXLAN_LEARNING).orElse(1) != 0);
    }

    private static Optional<InetAddress> address(Attributes data, int type) {
        return data.address(type).filter(a -> !a.isAnyLocalAddress());
    }

    private static LinkKind decodeVlan(Attributes link, Attributes info) {
        Attributes data = info.nested(Ifla.INFO_DATA).orElse(Attributes.empty());
        int protocol = data.u16BigEndian(Ifla.VLAN_PROTOCOL).orElse(AddressFamily.ETH_P_8021Q);
        return new LinkKind.Vlan(link.u32(Ifla.LINK).orElse(0), data.u16(Ifla.VLAN_ID).orElse(0),
                VlanProtocol.ofEthertype(protocol));
    }
}
