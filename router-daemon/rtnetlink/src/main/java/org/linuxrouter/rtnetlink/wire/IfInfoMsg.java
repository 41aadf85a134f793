package org.linuxrouter.rtnetlink.wire;

import java.nio.ByteBuffer;

/**
 * struct ifinfomsg (16 bytes): the fixed part of RTM_*LINK messages.
 *
 * @param family AF_UNSPEC for almost everything
 * @param type   ARPHRD_* device type (0 in requests)
 * @param index  interface index, 0 when the request names the link by IFLA_IFNAME
 * @param flags  IFF_* flags
 * @param change which IFF_* bits a request changes
 */
public record IfInfoMsg(int family, int type, int index, int flags, int change) {
    public static final int LENGTH = 16;

    /** A request header that touches no flags. */
    public static IfInfoMsg of(int index) {
        return new IfInfoMsg(AddressFamily.UNSPEC, 0, index, 0, 0);
    }

    public void write(MessageWriter out) {
        out.u8(family).u8(0).u16(type).u32(index).u32(flags).u32(change);
    }

    public static IfInfoMsg read(NetlinkMessage message) {
        ByteBuffer in = Structs.fixed(message, LENGTH);
        int family = Byte.toUnsignedInt(in.get());
        in.get();
        return new IfInfoMsg(family, Short.toUnsignedInt(in.getShort()), in.getInt(), in.getInt(), in.getInt());
    }
}
