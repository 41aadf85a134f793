package org.linuxrouter.rtnetlink.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linuxrouter.rtnetlink.wire.Errno;
import org.linuxrouter.rtnetlink.wire.MessageReader;
import org.linuxrouter.rtnetlink.wire.NetlinkMessage;
import org.linuxrouter.rtnetlink.wire.NlMsgErr;
import org.linuxrouter.rtnetlink.wire.Nlmsg;

/**
 * Request/reply over one {@link NetlinkSocket}: stamps sequence numbers, packs requests into as few sendto calls
 * as the limits allow, matches every ACK to its request by seq, and collects multipart dumps up to NLMSG_DONE.
 * Replies with a seq this channel is not waiting for (left over from an abandoned exchange) are dropped.
 *
 * <p>Requests come in fully encoded with seq 0; the channel writes the seq into bytes 8..11. One exchange at a
 * time: every public method is synchronized.
 */
public final class NetlinkChannel implements AutoCloseable {
    /**
     * Per sendto. The kernel answers every message of a sendto before returning, and drops ACKs that do not fit
     * the receive buffer (each ACK costs about 1 KiB of it): 128 keeps well under the 208 KiB default.
     */
    static final int MAX_MESSAGES_PER_SEND = 128;
    static final int MAX_BYTES_PER_SEND = 64 * 1024;

    private final NetlinkSocket socket;
    private int nextSeq;

    public NetlinkChannel(NetlinkSocket socket) {
        this.socket = socket;
        // distinct starting points keep replies of different sockets apart in traces
        this.nextSeq = (int) (System.nanoTime() & 0x3FFFFFFF) | 1;
    }

    /** Sends requests that carry NLM_F_ACK and returns the kernel's answer to each, in the same order. */
    public synchronized List<Ack> acknowledge(List<byte[]> requests) {
        List<Ack> acks = new ArrayList<>(requests.size());
        int from = 0;
        while (from < requests.size()) {
            int to = chunkEnd(requests, from);
            acks.addAll(sendChunk(requests.subList(from, to)));
            from = to;
        }
        return acks;
    }

    /** Sends one NLM_F_DUMP request and reads its parts until NLMSG_DONE; a kernel error throws ErrnoException. */
    public synchronized DumpReply dump(byte[] request, String operation) {
        int seq = stamp(request);
        socket.send(request, request.length);
        List<NetlinkMessage> parts = new ArrayList<>();
        boolean interrupted = false;
        while (true) {
            for (NetlinkMessage m : receive()) {
                if (m.seq() != seq) {
                    continue;
                }
                interrupted |= m.header().hasFlag(Nlmsg.F_DUMP_INTR);
                if (m.type() == Nlmsg.DONE) {
                    throwIfDoneCarriesError(m, operation);
                    return new DumpReply(parts, interrupted);
                }
                if (m.type() == Nlmsg.ERROR) {
                    throw kernelError(NlMsgErr.read(m), operation);
                }
                if (m.type() != Nlmsg.NOOP) {
                    parts.add(m);
                }
            }
        }
    }

    /**
     * Sends one GET request without NLM_F_ACK and returns the single object the kernel answers with; a kernel
     * error (e.g. ENODEV for an unknown name) throws ErrnoException.
     */
    public synchronized NetlinkMessage get(byte[] request, String operation) {
        int seq = stamp(request);
        socket.send(request, request.length);
        while (true) {
            for (NetlinkMessage m : receive()) {
                if (m.seq() != seq || m.type() == Nlmsg.NOOP) {
                    continue;
                }
                if (m.type() == Nlmsg.ERROR) {
                    NlMsgErr err = NlMsgErr.read(m);
                    if (!err.isAck()) {
                        throw kernelError(err, operation);
                    }
                    continue;
                }
                return m;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }

    private List<Ack> sendChunk(List<byte[]> chunk) {
        int total = 0;
        for (byte[] r : chunk) {
            total += r.length;
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        int firstSeq = 0;
        for (int i = 0; i < chunk.size(); i++) {
            int seq = stamp(chunk.get(i));
            firstSeq = i == 0 ? seq : firstSeq;
            out.put(chunk.get(i));
        }
        socket.send(out.array(), total);
        return collectAcks(firstSeq, chunk.size());
    }

    private List<Ack> collectAcks(int firstSeq, int count) {
        Ack[] acks = new Ack[count];
        int pending = count;
        while (pending > 0) {
            for (NetlinkMessage m : receive()) {
                int index = m.seq() - firstSeq;
                if (m.type() != Nlmsg.ERROR || index < 0 || index >= count || acks[index] != null) {
                    continue;
                }
                NlMsgErr err = NlMsgErr.read(m);
                acks[index] = err.isAck() ? Ack.OK : new Ack(err.errno(), err.extackMessage());
                pending--;
            }
        }
        return List.of(acks);
    }

    private static int chunkEnd(List<byte[]> requests, int from) {
        int bytes = 0;
        int to = from;
        while (to < requests.size() && to - from < MAX_MESSAGES_PER_SEND
                && (to == from || bytes + requests.get(to).length <= MAX_BYTES_PER_SEND)) {
            bytes += requests.get(to).length;
            to++;
        }
        return to;
    }

    private List<NetlinkMessage> receive() {
        try {
            return MessageReader.parse(socket.receive());
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EAGAIN) {
                throw new ErrnoException("waiting for the kernel's reply (receive timeout)", e.errno(),
                        Optional.empty(), e);
            }
            throw e;
        }
    }

    private int stamp(byte[] request) {
        if (request.length < Nlmsg.HEADER_LENGTH) {
            throw new IllegalArgumentException("expected an encoded netlink message, got " + request.length
                    + " bytes");
        }
        int seq = nextSeq++;
        ByteBuffer.wrap(request).order(ByteOrder.LITTLE_ENDIAN).putInt(8, seq);
        return seq;
    }

    private static void throwIfDoneCarriesError(NetlinkMessage done, String operation) {
        ByteBuffer payload = done.payload();
        if (payload.remaining() >= 4) {
            int error = payload.getInt();
            if (error < 0) {
                throw new ErrnoException(operation, -error);
            }
        }
    }

    private static ErrnoException kernelError(NlMsgErr err, String operation) {
        return new ErrnoException(operation, err.errno(), err.extackMessage(), null);
    }
}
