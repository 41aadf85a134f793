package org.linuxrouter.rtnetlink.wire;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An NLMSG_ERROR message: struct nlmsgerr (int error + the request's nlmsghdr, plus the request's payload unless
 * NLM_F_CAPPED), then, with NLM_F_ACK_TLVS, the extended-ack attributes.
 *
 * @param error         0 for an ACK, otherwise a negative errno
 * @param request       the header of the request this answers (its seq matches)
 * @param extackMessage NLMSGERR_ATTR_MSG: the kernel's human-readable reason, when NETLINK_EXT_ACK is on
 * @param extackOffset  NLMSGERR_ATTR_OFFS: offset into the request of the attribute the kernel objected to
 */
public record NlMsgErr(int error, NlMsgHeader request, Optional<String> extackMessage, OptionalInt extackOffset) {
    /** sizeof(struct nlmsgerr). */
    public static final int LENGTH = 4 + Nlmsg.HEADER_LENGTH;

    public static NlMsgErr read(NetlinkMessage message) {
        if (message.type() != Nlmsg.ERROR) {
            throw new WireFormatException("expected an NLMSG_ERROR, got " + Nlmsg.typeName(message.type()));
        }
        ByteBuffer in = Structs.fixed(message, LENGTH);
        int error = in.getInt();
        NlMsgHeader request = NlMsgHeader.read(in);
        if (!message.header().hasFlag(Nlmsg.F_CAPPED)) {
            // the whole request is echoed back: skip its payload to reach the TLVs
            int echoed = Math.min(in.remaining(), Nlmsg.align(request.length()) - Nlmsg.HEADER_LENGTH);
            in.position(in.position() + Math.max(0, echoed));
        }
        Attributes tlvs = message.header().hasFlag(Nlmsg.F_ACK_TLVS) ? Attributes.parse(in) : Attributes.empty();
        return new NlMsgErr(error, request, tlvs.string(Nlmsg.ERR_ATTR_MSG), tlvs.u32(Nlmsg.ERR_ATTR_OFFS));
    }

    /** The positive errno, 0 for success. */
    public int errno() {
        return -error;
    }

    public boolean isAck() {
        return error == 0;
    }
}
