package org.linuxrouter.rtnetlink.wire;

import java.nio.ByteBuffer;

/**
 * struct ndmsg (12 bytes): the fixed part of RTM_*NEIGH messages.
 *
 * @param family AF_INET or AF_INET6
 * @param index  interface index
 * @param state  NUD_* state
 * @param flags  NTF_* flags (NTF_PROXY for proxy entries)
 * @param type   RTN_* type
 */
public record NdMsg(int family, int index, int state, int flags, int type) {
    public static final int LENGTH = 12;

    public void write(MessageWriter out) {
        out.u8(family).u8(0).u16(0).u32(index).u16(state).u8(flags).u8(type);
    }

    public static NdMsg read(NetlinkMessage message) {
        ByteBuffer in = Structs.fixed(message, LENGTH);
        int family = Byte.toUnsignedInt(in.get());
        in.get();
        in.getShort();
        return new NdMsg(family, in.getInt(), Short.toUnsignedInt(in.getShort()), Byte.toUnsignedInt(in.get()),
                Byte.toUnsignedInt(in.get()));
    }
}
