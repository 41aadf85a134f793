package org.linuxrouter.rtnetlink;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.linuxrouter.rtnetlink.internal.ErrnoException;
import org.linuxrouter.rtnetlink.internal.LibC;
import org.linuxrouter.rtnetlink.internal.NetlinkSocket;
import org.linuxrouter.rtnetlink.wire.Errno;
import org.linuxrouter.rtnetlink.wire.MessageReader;
import org.linuxrouter.rtnetlink.wire.NetlinkMessage;
import org.linuxrouter.rtnetlink.wire.Rtm;

/**
 * A subscription to rtnetlink events on a second socket, delivered to a {@link RtnlListener} on its own daemon
 * thread. {@link #close()} stops the thread (within {@link #POLL}) and closes the socket.
 */
public final class RtnlEvents implements AutoCloseable {
    /** How often the event thread looks up from its socket to see whether it was closed. */
    static final Duration POLL = Duration.ofMillis(200);

    private final NetlinkSocket socket;
    private final RtnlListener listener;
    private final Thread thread;
    private volatile boolean closed;

    private RtnlEvents(NetlinkSocket socket, RtnlListener listener) {
        this.socket = socket;
        this.listener = listener;
        this.thread = new Thread(this::run, "rtnetlink-events");
        this.thread.setDaemon(true);
    }

    /**
     * Subscribes, in the calling thread's network namespace, to {@code groups} and starts delivering to
     * {@code listener}. Subscribe before the initial dump, so nothing falls between the two. Equivalent to:
     * {@code ip monitor link address route}.
     */
    public static RtnlEvents subscribe(Set<EventGroup> groups, RtnlListener listener) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("expected at least one event group, got none");
        }
        NetlinkSocket socket;
        try {
            socket = NetlinkSocket.open(LibC.system(), EventGroup.mask(groups), POLL);
        } catch (ErrnoException e) {
            throw Rtnl.translate(e, "subscribe to " + groups);
        }
        RtnlEvents events = new RtnlEvents(socket, listener);
        events.thread.start();
        return events;
    }

    /** Stops the event thread and closes the socket; no listener call starts after this returns. */
    @Override
    public void close() {
        closed = true;
        if (Thread.currentThread() != thread) {
            try {
                thread.join(POLL.toMillis() * 10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        socket.close();
    }

    private void run() {
        while (!closed) {
            try {
                for (NetlinkMessage m : MessageReader.parse(socket.receive())) {
                    if (closed) {
                        return;
                    }
                    deliver(m);
                }
            } catch (ErrnoException e) {
                if (!handleSocketError(e)) {
                    return;
                }
            } catch (RuntimeException e) {
                listener.onError(e, RtnlListener.Fatality.RECOVERABLE);
            }
        }
    }

    /** Returns whether to keep reading. */
    private boolean handleSocketError(ErrnoException e) {
        if (e.errno() == Errno.EAGAIN || closed) {
            return !closed;
        }
        if (e.errno() == Errno.ENOBUFS) {
            // the queued events are stale and, until the queue is empty, the kernel drops new ones: drain first,
            // so that a dump the listener starts now sees everything and later events arrive again
            try {
                socket.drain();
            } catch (ErrnoException drainFailed) {
                listener.onError(Rtnl.translate(drainFailed, "drain events"), RtnlListener.Fatality.FATAL);
                return false;
            }
            listener.onResync();
            return true;
        }
        listener.onError(Rtnl.translate(e, "receive events"), RtnlListener.Fatality.FATAL);
        return false;
    }

    private void deliver(NetlinkMessage m) {
        Optional<RtnlEvent> event;
        try {
            event = decode(m);
        } catch (RuntimeException e) {
            listener.onError(e, RtnlListener.Fatality.RECOVERABLE);
            return;
        }
        event.ifPresent(listener::onEvent);
    }

    static Optional<RtnlEvent> decode(NetlinkMessage m) {
        switch (m.type()) {
            case Rtm.NEWLINK:
            case Rtm.DELLINK:
                return Optional.of(new RtnlEvent.LinkEvent(action(m, Rtm.NEWLINK), LinkCodec.decode(m)));
            case Rtm.NEWADDR:
            case Rtm.DELADDR:
                return Optional.of(new RtnlEvent.AddressEvent(action(m, Rtm.NEWADDR), AddressCodec.decode(m)));
            case Rtm.NEWROUTE:
            case Rtm.DELROUTE:
                return RouteCodec.decodeIfIp(m).map(r -> new RtnlEvent.RouteEvent(action(m, Rtm.NEWROUTE), r));
            case Rtm.NEWNEIGH:
            case Rtm.DELNEIGH:
                return NeighbourCodec.isIp(m) ? Optional.of(new RtnlEvent.NeighbourEvent(action(m, Rtm.NEWNEIGH),
                        NeighbourCodec.decode(m))) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private static RtnlEvent.Action action(NetlinkMessage m, int newType) {
        return m.type() == newType ? RtnlEvent.Action.NEW : RtnlEvent.Action.DELETED;
    }
}
