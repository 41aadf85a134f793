package org.linuxrouter.rtnetlink.wire;

import java.nio.ByteBuffer;

/** Shared bounds check for reading a fixed kernel struct at the start of a message payload. */
final class Structs {
    private Structs() {
    }

    static ByteBuffer fixed(NetlinkMessage message, int length) {
        ByteBuffer in = message.payload();
        if (in.remaining() < length) {
            throw new WireFormatException("expected " + Nlmsg.typeName(message.type()) + " to carry a " + length
                    + "-byte struct, payload has " + in.remaining() + " bytes");
        }
        return in;
    }
}
