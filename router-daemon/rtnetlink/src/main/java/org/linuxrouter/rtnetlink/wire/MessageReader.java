package org.linuxrouter.rtnetlink.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Splits a datagram received from a netlink socket into its messages (NLMSG_OK / NLMSG_NEXT). */
public final class MessageReader {
    private MessageReader() {
    }

    /** All messages in {@code datagram} from its position to its limit; the datagram itself is not changed. */
    public static List<NetlinkMessage> parse(ByteBuffer datagram) {
        ByteBuffer in = datagram.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        List<NetlinkMessage> messages = new ArrayList<>();
        while (in.remaining() >= Nlmsg.HEADER_LENGTH) {
            int start = in.position();
            NlMsgHeader header = NlMsgHeader.read(in);
            if (header.length() < Nlmsg.HEADER_LENGTH || header.length() > in.remaining() + Nlmsg.HEADER_LENGTH) {
                throw new WireFormatException("expected nlmsg_len between 16 and " + (in.remaining()
                        + Nlmsg.HEADER_LENGTH) + " at offset " + start + ", got " + header.length());
            }
            ByteBuffer payload = in.slice();
            payload.limit(header.length() - Nlmsg.HEADER_LENGTH);
            messages.add(new NetlinkMessage(header, payload));
            in.position(Math.min(in.limit(), start + Nlmsg.align(header.length())));
        }
        if (in.hasRemaining()) {
            throw new WireFormatException("expected the datagram to end on a message, " + in.remaining()
                    + " stray bytes at its end");
        }
        return messages;
    }

    /** Convenience for byte arrays, e.g. golden test data. */
    public static List<NetlinkMessage> parse(byte[] datagram) {
        return parse(ByteBuffer.wrap(datagram));
    }
}
