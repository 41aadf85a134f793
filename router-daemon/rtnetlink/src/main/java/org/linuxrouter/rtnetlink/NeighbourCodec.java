package org.linuxrouter.rtnetlink;

import java.net.InetAddress;
import org.linuxrouter.rtnetlink.wire.AddressFamily;
import org.linuxrouter.rtnetlink.wire.Attributes;
import org.linuxrouter.rtnetlink.wire.MessageWriter;
import org.linuxrouter.rtnetlink.wire.Nda;
import org.linuxrouter.rtnetlink.wire.NdMsg;
import org.linuxrouter.rtnetlink.wire.NetlinkMessage;
import org.linuxrouter.rtnetlink.wire.Rtm;

/** RTM_*NEIGH requests and the decoding of RTM_NEWNEIGH/RTM_DELNEIGH into {@link Neighbour}. */
final class NeighbourCodec {
    private NeighbourCodec() {
    }

    /** ndm_flags NTF_PROXY makes the kernel dump the proxy table instead of the neighbour cache. */
    static Request dump(boolean proxies) {
        return Request.of(Rtm.GETNEIGH, Request.DUMP, proxies ? "proxy dump" : "dump",
                out -> new NdMsg(AddressFamily.UNSPEC, 0, 0, proxies ? Nda.NTF_PROXY : 0, 0).write(out));
    }

    /** As {@code ip neigh add proxy ADDRESS dev LINK}. */
    static Request addProxy(int linkIndex, InetAddress destination) {
        Neighbour proxy = Neighbour.proxy(linkIndex, destination);
        return Request.of(Rtm.NEWNEIGH, Request.CREATE_EXCL, subject(proxy), out -> write(proxy, out));
    }

    /** As {@code ip neigh del proxy ADDRESS dev LINK}: NTF_PROXY selects the proxy table. */
    static Request deleteProxy(int linkIndex, InetAddress destination) {
        Neighbour proxy = Neighbour.proxy(linkIndex, destination);
        return Request.of(Rtm.DELNEIGH, Request.CHANGE, subject(proxy), out -> write(proxy, out));
    }

    private static void write(Neighbour n, MessageWriter out) {
        new NdMsg(n.family(), n.linkIndex(), n.state(), n.flags(), Rtm.RTN_UNSPEC).write(out);
        out.attrBytes(Nda.DST, n.destination().getAddress());
    }

    static boolean isIp(NetlinkMessage message) {
        int family = NdMsg.read(message).family();
        return family == AddressFamily.INET || family == AddressFamily.INET6;
    }

    static Neighbour decode(NetlinkMessage message) {
        NdMsg header = NdMsg.read(message);
        Attributes attrs = message.attributes(NdMsg.LENGTH);
        return new Neighbour(header.index(), attrs.address(Nda.DST).orElseThrow(() -> new IllegalStateException(
                "expected NDA_DST in " + Rtm.typeName(message.type()) + " for ifindex " + header.index())),
                attrs.bytes(Nda.LLADDR).filter(b -> b.length > 0).map(HardwareAddress::new), header.state(),
                header.flags());
    }

    private static String subject(Neighbour n) {
        return "proxy " + n.destination().getHostAddress() + " dev " + n.linkIndex();
    }
}
