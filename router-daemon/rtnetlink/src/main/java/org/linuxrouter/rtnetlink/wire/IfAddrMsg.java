package org.linuxrouter.rtnetlink.wire;

import java.nio.ByteBuffer;

/**
 * struct ifaddrmsg (8 bytes): the fixed part of RTM_*ADDR messages.
 *
 * @param family    AF_INET or AF_INET6
 * @param prefixLength prefix length of the address
 * @param flags     IFA_F_* (only the low 8 bits; IFA_FLAGS carries all 32)
 * @param scope     RT_SCOPE_*
 * @param index     interface index
 */
public record IfAddrMsg(int family, int prefixLength, int flags, int scope, int index) {
    public static final int LENGTH = 8;

    public void write(MessageWriter out) {
        out.u8(family).u8(prefixLength).u8(flags).u8(scope).u32(index);
    }

    public static IfAddrMsg read(NetlinkMessage message) {
        ByteBuffer in = Structs.fixed(message, LENGTH);
        return new IfAddrMsg(Byte.toUnsignedInt(in.get()), Byte.toUnsignedInt(in.get()), Byte.toUnsignedInt(in.get()),
                Byte.toUnsignedInt(in.get()), in.getInt());
    }
}
