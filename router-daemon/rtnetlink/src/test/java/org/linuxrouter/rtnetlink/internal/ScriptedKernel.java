package org.linuxrouter.rtnetlink.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.linuxrouter.rtnetlink.wire.Errno;
import org.linuxrouter.rtnetlink.wire.MessageReader;
import org.linuxrouter.rtnetlink.wire.NetlinkMessage;

/**
 * A hand-written stand-in for the kernel behind {@link LibC}, for replies a real kernel will not produce on demand
 * (an interrupted dump, stale replies, ACKs in odd order). Each sendto is handed to a script that returns the
 * datagrams to queue; recv pops them, honouring MSG_PEEK and MSG_TRUNC like the kernel.
 */
final class ScriptedKernel implements LibC {
    private final Function<List<NetlinkMessage>, List<byte[]>> script;
    private final Deque<byte[]> queue = new ArrayDeque<>();
    final List<Integer> messagesPerSend = new ArrayList<>();

    ScriptedKernel(Function<List<NetlinkMessage>, List<byte[]>> script) {
        this.script = script;
    }

    void queue(byte[] datagram) {
        queue.add(datagram);
    }

    @Override
    public int socket(int domain, int type, int protocol) {
        return 42;
    }

    @Override
    public void bind(int fd, byte[] address) {
    }

    @Override
    public int getsockname(int fd, byte[] address) {
        address[4] = 7;
        return address.length;
    }

    @Override
    public void setsockopt(int fd, int level, int option, byte[] value) {
    }

    @Override
    public int sendto(int fd, byte[] buffer, int length, byte[] address) {
        List<NetlinkMessage> sent = MessageReader.parse(Arrays.copyOf(buffer, length));
        messagesPerSend.add(sent.size());
        queue.addAll(script.apply(sent));
        return length;
    }

    @Override
    public int recv(int fd, byte[] buffer, int flags) {
        if (queue.isEmpty()) {
            throw new ErrnoException("recv", Errno.EAGAIN);
        }
        byte[] head = (flags & MSG_PEEK) != 0 ? queue.peek() : queue.poll();
        System.arraycopy(head, 0, buffer, 0, Math.min(head.length, buffer.length));
        return head.length;
    }

    @Override
    public void close(int fd) {
    }

    @Override
    public int open(String path, int flags) {
        throw new UnsupportedOperationException("not scripted");
    }

    @Override
    public void unshare(int flags) {
        throw new UnsupportedOperationException("not scripted");
    }

    @Override
    public void setns(int fd, int nstype) {
        throw new UnsupportedOperationException("not scripted");
    }

    @Override
    public int longSize() {
        return 8;
    }
}
