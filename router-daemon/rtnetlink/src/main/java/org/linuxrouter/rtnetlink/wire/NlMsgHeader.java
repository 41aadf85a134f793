package org.linuxrouter.rtnetlink.wire;

import java.nio.ByteBuffer;

/**
 * struct nlmsghdr.
 *
 * @param length nlmsg_len, header included
 * @param type   nlmsg_type (NLMSG_* or RTM_*)
 * @param flags  nlmsg_flags (NLM_F_*)
 * @param seq    nlmsg_seq, echoed by the kernel in replies
 * @param pid    nlmsg_pid, the sender's port id (0 for the kernel)
 */
public record NlMsgHeader(int length, int type, int flags, int seq, int pid) {
    /** Reads 16 bytes at the buffer's position (little-endian) and advances past them. */
    public static NlMsgHeader read(ByteBuffer in) {
        if (in.remaining() < Nlmsg.HEADER_LENGTH) {
            throw new WireFormatException("expected a 16-byte nlmsghdr, " + in.remaining() + " bytes left");
        }
        return new NlMsgHeader(in.getInt(), Short.toUnsignedInt(in.getShort()), Short.toUnsignedInt(in.getShort()),
                in.getInt(), in.getInt());
    }

    public boolean hasFlag(int flag) {
        return (flags & flag) == flag;
    }

    @Override
    public String toString() {
        return Nlmsg.typeName(type) + "(len=" + length + ", flags=0x" + Integer.toHexString(flags) + ", seq="
                + Integer.toUnsignedString(seq) + ", pid=" + Integer.toUnsignedString(pid) + ")";
    }
}
