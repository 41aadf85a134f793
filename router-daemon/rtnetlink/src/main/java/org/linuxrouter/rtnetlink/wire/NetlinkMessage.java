package org.linuxrouter.rtnetlink.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One message read off a netlink socket: its header and the bytes after it (struct, then attributes).
 *
 * @param header  the nlmsghdr
 * @param payload the nlmsg_len - 16 bytes after the header; {@link #payload()} hands out a fresh read-only view
 */
public record NetlinkMessage(NlMsgHeader header, ByteBuffer payload) {
    public NetlinkMessage {
        payload = payload.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A new view positioned at the first payload byte, so callers never disturb each other. */
    @Override
    public ByteBuffer payload() {
        return payload.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    public int type() {
        return header.type();
    }

    public int seq() {
        return header.seq();
    }

    /** The attributes after a fixed struct of {@code structLength} bytes (e.g. 16 for ifinfomsg). */
    public Attributes attributes(int structLength) {
        ByteBuffer in = payload();
        if (in.remaining() < structLength) {
            throw new WireFormatException("expected " + Nlmsg.typeName(type()) + " to carry a " + structLength
                    + "-byte struct, payload has " + in.remaining() + " bytes");
        }
        in.position(Nlmsg.align(structLength));
        return Attributes.parse(in);
    }
}
