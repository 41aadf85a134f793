package org.linuxrouter.rtnetlink;

import java.util.function.Consumer;
import org.linuxrouter.rtnetlink.wire.MessageWriter;
import org.linuxrouter.rtnetlink.wire.Nlmsg;

/**
 * One encoded netlink request (seq 0: the channel stamps the real one when sending) and the words that name it
 * in errors, e.g. {@code RTM_NEWADDR 192.0.2.1/24 dev 3}.
 */
record Request(String operation, byte[] message) {
    static final int CREATE_EXCL = Nlmsg.F_REQUEST | Nlmsg.F_ACK | Nlmsg.F_CREATE | Nlmsg.F_EXCL;
    static final int CREATE_REPLACE = Nlmsg.F_REQUEST | Nlmsg.F_ACK | Nlmsg.F_CREATE | Nlmsg.F_REPLACE;
    static final int CHANGE = Nlmsg.F_REQUEST | Nlmsg.F_ACK;
    static final int DUMP = Nlmsg.F_REQUEST | Nlmsg.F_DUMP;
    static final int GET = Nlmsg.F_REQUEST;

    static Request of(int type, int flags, String subject, Consumer<MessageWriter> body) {
        MessageWriter out = new MessageWriter().begin(type, flags, 0);
        body.accept(out);
        return new Request(Nlmsg.typeName(type) + (subject.isEmpty() ? "" : " " + subject),
                out.end().toByteArray());
    }
}
