package org.linuxrouter.rtnetlink;

import java.util.Optional;
import org.linuxrouter.rtnetlink.wire.AddressFamily;
import org.linuxrouter.rtnetlink.wire.Attributes;
import org.linuxrouter.rtnetlink.wire.MessageWriter;
import org.linuxrouter.rtnetlink.wire.Nda;
import org.linuxrouter.rtnetlink.wire.NdMsg;
import org.linuxrouter.rtnetlink.wire.NetlinkMessage;
import org.linuxrouter.rtnetlink.wire.Nlmsg;
import org.linuxrouter.rtnetlink.wire.Rtm;

/** RTM_*NEIGH requests of family AF_BRIDGE (forwarding-table entries) and their decoding into {@link FdbEntry}. */
final class FdbCodec {
    /** As {@code bridge fdb append}: several entries for one MAC (the all-zero one) may coexist. */
    private static final int APPEND = Nlmsg.F_REQUEST | Nlmsg.F_ACK | Nlmsg.F_CREATE | Nlmsg.F_APPEND;

    private FdbCodec() {
    }

    /** As {@code bridge fdb show}: an ndmsg of family AF_BRIDGE, every device. */
    static Request dump() {
        return Request.of(Rtm.GETNEIGH, Request.DUMP, "bridge fdb dump",
                out -> new NdMsg(AddressFamily.BRIDGE, 0, 0, 0, 0).write(out));
    }

    /** As {@code bridge fdb append MAC dev LINK dst REMOTE} (self permanent, iproute2's defaults). */
    static Request append(FdbEntry entry) {
        return Request.of(Rtm.NEWNEIGH, APPEND, subject(entry), out -> write(entry, out));
    }

    /** As {@code bridge fdb del MAC dev LINK dst REMOTE}. */
    static Request delete(FdbEntry entry) {
        return Request.of(Rtm.DELNEIGH, Request.CHANGE, subject(entry), out -> write(entry, out));
    }

    private static void write(FdbEntry e, MessageWriter out) {
        new NdMsg(AddressFamily.BRIDGE, e.linkIndex(), e.state(), e.flags(), Rtm.RTN_UNSPEC).write(out);
        out.attrBytes(Nda.LLADDR, e.mac().bytes());
        e.remote().ifPresent(r -> out.attrBytes(Nda.DST, r.getAddress()));
    }

    static boolean isFdb(NetlinkMessage message) {
        return NdMsg.read(message).family() == AddressFamily.BRIDGE;
    }

    static Optional<FdbEntry> decode(NetlinkMessage message) {
        NdMsg header = NdMsg.read(message);
        Attributes attrs = message.attributes(NdMsg.LENGTH);
        Optional<byte[]> mac = attrs.bytes(Nda.LLADDR).filter(b -> b.length > 0);
        if (mac.isEmpty() || header.index() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new FdbEntry(header.index(), new HardwareAddress(mac.get()), attrs.address(Nda.DST),
                header.state(), header.flags()));
    }

    private static String subject(FdbEntry e) {
        return "fdb " + e.mac() + " dev " + e.linkIndex()
                + e.remote().map(r -> " dst " + r.getHostAddress()).orElse("");
    }
}
