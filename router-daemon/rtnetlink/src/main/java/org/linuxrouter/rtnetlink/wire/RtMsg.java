package org.linuxrouter.rtnetlink.wire;

import java.nio.ByteBuffer;

/**
 * struct rtmsg (12 bytes): the fixed part of RTM_*ROUTE messages.
 *
 * @param family            AF_INET or AF_INET6
 * @param destinationLength prefix length of RTA_DST
 * @param sourceLength      prefix length of RTA_SRC
 * @param tos               type of service
 * @param table             RT_TABLE_* (ids above 255 travel in RTA_TABLE)
 * @param protocol          RTPROT_*: who installed the route
 * @param scope             RT_SCOPE_*
 * @param type              RTN_*
 * @param flags             RTM_F_*
 */
public record RtMsg(int family, int destinationLength, int sourceLength, int tos, int table, int protocol, int scope,
                    int type, int flags) {
    public static final int LENGTH = 12;

    public void write(MessageWriter out) {
        out.u8(family).u8(destinationLength).u8(sourceLength).u8(tos).u8(table).u8(protocol).u8(scope).u8(type)
                .u32(flags);
    }

    public static RtMsg read(NetlinkMessage message) {
        ByteBuffer in = Structs.fixed(message, LENGTH);
        int[] b = new int[8];
        for (int i = 0; i < b.length; i++) {
            b[i] = Byte.toUnsignedInt(in.get());
        }
        return new RtMsg(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], in.getInt());
    }
}
