package org.linuxrouter.rtnetlink.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.linuxrouter.rtnetlink.wire.Errno;

/**
 * One NETLINK_ROUTE socket, bound in the network namespace of the thread that opened it (for its whole life,
 * whatever thread uses it later). Extended ACKs and capped ACKs are on: errors carry the kernel's reason and echo
 * only the request's header. Datagrams are read whole: the size is peeked first and the buffer grows to fit.
 */
public final class NetlinkSocket implements AutoCloseable {
    /** Asked for with SO_RCVBUFFORCE (root) or SO_RCVBUF (capped by net.core.rmem_max), as iproute2 does. */
    private static final int RECEIVE_BUFFER = 1 << 20;
    private static final int SOCKADDR_NL_LENGTH = 12;
    private static final byte[] PEEK = new byte[0];

    private final LibC libc;
    private final int fd;
    private final int portId;
    private final AtomicBoolean closed = new AtomicBoolean();
    private byte[] receiveBuffer = new byte[64 * 1024];

    private NetlinkSocket(LibC libc, int fd, int portId) {
        this.libc = libc;
        this.fd = fd;
        this.portId = portId;
    }

    /**
     * Opens and binds a socket in the calling thread's network namespace.
     *
     * @param groups         RTMGRP_* bits to receive events for, 0 for a request socket
     * @param receiveTimeout how long a receive waits before failing with EAGAIN; bounds every wait for the kernel
     */
    public static NetlinkSocket open(LibC libc, int groups, Duration receiveTimeout) {
        int fd = libc.socket(LibC.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, LibC.NETLINK_ROUTE);
        try {
            libc.setsockopt(fd, LibC.SOL_NETLINK, LibC.NETLINK_EXT_ACK, int32(1));
            libc.setsockopt(fd, LibC.SOL_NETLINK, LibC.NETLINK_CAP_ACK, int32(1));
            setReceiveBuffer(libc, fd);
            libc.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, timeval(libc.longSize(), receiveTimeout));
            libc.bind(fd, sockaddrNl(0, groups));
            byte[] self = new byte[SOCKADDR_NL_LENGTH];
            libc.getsockname(fd, self);
            int portId = ByteBuffer.wrap(self).order(ByteOrder.LITTLE_ENDIAN).getInt(4);
            return new NetlinkSocket(libc, fd, portId);
        } catch (RuntimeException e) {
            libc.close(fd);
            throw e;
        }
    }

    /** The port id (nl_pid) the kernel assigned at bind. */
    public int portId() {
        return portId;
    }

    /** Sends {@code length} bytes of {@code data} to the kernel in one sendto. */
    public void send(byte[] data, int length) {
        checkOpen();
        int sent = libc.sendto(fd, data, length, sockaddrNl(0, 0));
        if (sent != length) {
            throw new ErrnoException("sendto (" + sent + " of " + length + " bytes sent)", Errno.EMSGSIZE);
        }
    }

    /**
     * Receives one datagram. Fails with EAGAIN when the receive timeout passes and with ENOBUFS when the kernel
     * dropped messages because the receive buffer was full (for an event socket: resync).
     */
    public ByteBuffer receive() {
        checkOpen();
        // a zero-length peek with MSG_TRUNC returns the datagram's full size and copies nothing (as iproute2 does)
        int length = recvRetryingInterrupts(PEEK, LibC.MSG_PEEK | LibC.MSG_TRUNC);
        if (length > receiveBuffer.length) {
            receiveBuffer = new byte[length];
        }
        int read = recvRetryingInterrupts(receiveBuffer, 0);
        // a copy: messages parsed from it outlive the next receive (a dump spans many datagrams)
        return ByteBuffer.wrap(Arrays.copyOf(receiveBuffer, read)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Reads and discards everything queued, without waiting; returns how many datagrams were dropped. After an
     * overrun the kernel drops every new event until the queue is empty, so an event socket drains before it
     * resyncs.
     */
    public int drain() {
        checkOpen();
        int dropped = 0;
        while (true) {
            try {
                recvRetryingInterrupts(PEEK, LibC.MSG_DONTWAIT | LibC.MSG_TRUNC);
                dropped++;
            } catch (ErrnoException e) {
                if (e.errno() == Errno.EAGAIN) {
                    return dropped;
                }
                if (e.errno() != Errno.ENOBUFS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            libc.close(fd);
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    private int recvRetryingInterrupts(byte[] buffer, int flags) {
        while (true) {
            try {
                return libc.recv(fd, buffer, flags);
            } catch (ErrnoException e) {
                if (e.errno() != Errno.EINTR) {
                    throw e;
                }
            }
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("expected an open netlink socket, it is closed");
        }
    }

    private static void setReceiveBuffer(LibC libc, int fd) {
        try {
            libc.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUFFORCE, int32(RECEIVE_BUFFER));
        } catch (ErrnoException notPrivileged) {
            libc.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUF, int32(RECEIVE_BUFFER));
        }
    }

    static byte[] sockaddrNl(int pid, int groups) {
        return ByteBuffer.allocate(SOCKADDR_NL_LENGTH).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) LibC.AF_NETLINK).putShort((short) 0).putInt(pid).putInt(groups).array();
    }

    static byte[] int32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
    }

    static byte[] timeval(int longSize, Duration timeout) {
        ByteBuffer tv = ByteBuffer.allocate(2 * longSize).order(ByteOrder.nativeOrder());
        long seconds = timeout.getSeconds();
        long micros = timeout.getNano() / 1000L;
        if (longSize == 8) {
            tv.putLong(seconds).putLong(micros);
        } else {
            tv.putInt((int) seconds).putInt((int) micros);
        }
        return tv.array();
    }
}
