package org.linuxrouter.rtnetlink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linuxrouter.rtnetlink.wire.Errno;
import org.linuxrouter.rtnetlink.wire.MessageWriter;
import org.linuxrouter.rtnetlink.wire.NetlinkMessage;
import org.linuxrouter.rtnetlink.wire.Nlmsg;
import org.linuxrouter.rtnetlink.wire.Rtm;

/** The channel's bookkeeping against a scripted kernel: chunking, ACK matching, dump ends. No root needed. */
class NetlinkChannelTest {
    @Test
    void requestsGoOutInChunksAndEveryAckIsMatchedBySeqEvenOutOfOrder() {
        ScriptedKernel kernel = new ScriptedKernel(sent -> {
            List<byte[]> replies = new ArrayList<>();
            replies.add(reply(Nlmsg.DONE, 0, 12345, 0)); // a stale reply of some earlier exchange: ignored
            for (NetlinkMessage m : sent) {
                boolean odd = (m.payload().getInt() & 1) == 1; // request body: its index
                replies.add(ack(m.seq(), odd ? -Errno.EEXIST : 0, odd ? "exists" : null));
            }
            Collections.reverse(replies);
            return replies;
        });
        List<byte[]> requests = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            requests.add(new MessageWriter().begin(Rtm.NEWADDR, Nlmsg.F_REQUEST | Nlmsg.F_ACK, 0).u32(i).end()
                    .toByteArray());
        }
        List<Ack> acks = channel(kernel).acknowledge(requests);
        assertEquals(List.of(128, 128, 44), kernel.messagesPerSend);
        assertEquals(300, acks.size());
        assertTrue(acks.get(0).succeeded());
        assertEquals(new Ack(Errno.EEXIST, Optional.of("exists")), acks.get(299));
    }

    @Test
    void dumpCollectsPartsUntilDoneAndReportsInterruption() {
        ScriptedKernel kernel = new ScriptedKernel(sent -> {
            int seq = sent.get(0).seq();
            return List.of(concat(reply(Rtm.NEWLINK, Nlmsg.F_MULTI, seq, 1), reply(Rtm.NEWLINK, Nlmsg.F_MULTI, seq, 2)),
                    concat(reply(Rtm.NEWLINK, Nlmsg.F_MULTI | Nlmsg.F_DUMP_INTR, seq, 3),
                            reply(Nlmsg.DONE, Nlmsg.F_MULTI | Nlmsg.F_DUMP_INTR, seq, 0)));
        });
        DumpReply reply = channel(kernel).dump(dumpRequest(), "RTM_GETLINK dump");
        assertEquals(3, reply.messages().size());
        assertTrue(reply.interrupted());
    }

    @Test
    void cleanDumpIsNotInterrupted() {
        ScriptedKernel kernel = new ScriptedKernel(sent -> List.of(reply(Rtm.NEWLINK, Nlmsg.F_MULTI,
                sent.get(0).seq(), 1), reply(Nlmsg.DONE, Nlmsg.F_MULTI, sent.get(0).seq(), 0)));
        assertFalse(channel(kernel).dump(dumpRequest(), "RTM_GETLINK dump").interrupted());
    }

    @Test
    void doneCarryingAnErrorFailsTheDump() {
        ScriptedKernel kernel = new ScriptedKernel(sent -> List.of(reply(Nlmsg.DONE, Nlmsg.F_MULTI,
                sent.get(0).seq(), -Errno.EMSGSIZE)));
        ErrnoException e = assertThrows(ErrnoException.class,
                () -> channel(kernel).dump(dumpRequest(), "RTM_GETLINK dump"));
        assertEquals(Errno.EMSGSIZE, e.errno());
    }

    @Test
    void silenceBecomesATimeoutError() {
        ScriptedKernel kernel = new ScriptedKernel(sent -> List.of());
        ErrnoException e = assertThrows(ErrnoException.class,
                () -> channel(kernel).get(dumpRequest(), "RTM_GETLINK eth1"));
        assertEquals("waiting for the kernel's reply (receive timeout) failed: EAGAIN (Resource temporarily"
                + " unavailable)", e.getMessage());
    }

    private static NetlinkChannel channel(ScriptedKernel kernel) {
        return new NetlinkChannel(NetlinkSocket.open(kernel, 0, Duration.ofSeconds(1)));
    }

    private static byte[] dumpRequest() {
        return new MessageWriter().begin(Rtm.GETLINK, Nlmsg.F_REQUEST | Nlmsg.F_DUMP, 0).u32(0).end().toByteArray();
    }

    /** A message of {@code type} whose payload is one int. */
    private static byte[] reply(int type, int flags, int seq, int value) {
        return new MessageWriter().begin(type, flags, seq).u32(value).end().toByteArray();
    }

    private static byte[] ack(int seq, int error, String extack) {
        int flags = Nlmsg.F_CAPPED | (extack == null ? 0 : Nlmsg.F_ACK_TLVS);
        MessageWriter out = new MessageWriter().begin(Nlmsg.ERROR, flags, seq).u32(error)
                .u32(20).u16(Rtm.NEWADDR).u16(5).u32(seq).u32(0);
        if (extack != null) {
            out.attrString(Nlmsg.ERR_ATTR_MSG, extack);
        }
        return out.end().toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
