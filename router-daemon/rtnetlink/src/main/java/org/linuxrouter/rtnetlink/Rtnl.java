package org.linuxrouter.rtnetlink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linuxrouter.rtnetlink.internal.Ack;
import org.linuxrouter.rtnetlink.internal.DumpReply;
import org.linuxrouter.rtnetlink.internal.ErrnoException;
import org.linuxrouter.rtnetlink.internal.LibC;
import org.linuxrouter.rtnetlink.internal.NetlinkChannel;
import org.linuxrouter.rtnetlink.internal.NetlinkSocket;
import org.linuxrouter.rtnetlink.internal.Netns;
import org.linuxrouter.rtnetlink.wire.NetlinkMessage;

/**
 * A connection to the kernel's routing netlink (NETLINK_ROUTE) in one network namespace: the entry point of this
 * library. Get the operations from {@link #links()}, {@link #addresses()}, {@link #routes()},
 * {@link #neighbours()} and {@link #batch()}; {@link #close()} releases the socket.
 *
 * <p>Thread-safe: requests from several threads are serialized on the one socket. Needs CAP_NET_ADMIN for every
 * change; dumps need no privilege.
 */
public final class Rtnl implements AutoCloseable {
    /** Bounds every wait for the kernel; it answers in microseconds unless something is badly wrong. */
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private final NetlinkChannel channel;
    private final Links links = new Links(this);
    private final Addresses addresses = new Addresses(this);
    private final Routes routes = new Routes(this);
    private final Neighbours neighbours = new Neighbours(this);
    private final BridgeFdb fdb = new BridgeFdb(this);

    private Rtnl(NetlinkChannel channel) {
        this.channel = channel;
    }

    /** Opens a connection in the calling thread's network namespace (normally the process's). */
    public static Rtnl open() {
        try {
            return new Rtnl(new NetlinkChannel(NetlinkSocket.open(LibC.system(), 0, REPLY_TIMEOUT)));
        } catch (ErrnoException e) {
            throw translate(e, "open NETLINK_ROUTE socket");
        }
    }

    /**
     * Opens a connection in another network namespace, e.g. {@code /run/netns/blue}: the socket is created on a
     * short-lived thread that entered it, and stays there; no thread of this process changes namespace for good.
     * Equivalent to: {@code ip -n blue ...} for every later request.
     */
    public static Rtnl openIn(Path networkNamespace) {
        try {
            return Netns.callIn(LibC.system(), networkNamespace, Rtnl::open);
        } catch (ErrnoException e) {
            throw translate(e, "enter network namespace " + networkNamespace);
        }
    }

    /** Interfaces: Equivalent to: {@code ip link ...}. */
    public Links links() {
        return links;
    }

    /** Interface addresses: Equivalent to: {@code ip addr ...}. */
    public Addresses addresses() {
        return addresses;
    }

    /** Routes: Equivalent to: {@code ip route ...}. */
    public Routes routes() {
        return routes;
    }

    /** Neighbour and proxy entries: Equivalent to: {@code ip neigh ...}. */
    public Neighbours neighbours() {
        return neighbours;
    }

    /** Forwarding-table entries of bridges and VXLAN devices: Equivalent to: {@code bridge fdb ...}. */
    public BridgeFdb fdb() {
        return fdb;
    }

    /** A new, empty batch of changes to send together. Equivalent to: {@code ip -batch FILE}. */
    public Batch batch() {
        return new Batch(this);
    }

    /** Closes the socket. Equivalent to: the end of an {@code ip} command. */
    @Override
    public void close() {
        channel.close();
    }

    void execute(Request request) {
        Ack ack = executeAll(List.of(request)).get(0);
        if (!ack.succeeded()) {
            throw new NetlinkException(request.operation(), ack.errno(), ack.extack(), null);
        }
    }

    List<Ack> executeAll(List<Request> requests) {
        List<byte[]> messages = new ArrayList<>(requests.size());
        for (Request r : requests) {
            messages.add(r.message());
        }
        try {
            return channel.acknowledge(messages);
        } catch (ErrnoException e) {
            throw translate(e, requests.size() == 1 ? requests.get(0).operation() : "batch of " + requests.size());
        }
    }

    List<NetlinkMessage> dump(Request request) {
        DumpReply reply;
        try {
            reply = channel.dump(request.message(), request.operation());
        } catch (ErrnoException e) {
            throw translate(e, request.operation());
        }
        if (reply.interrupted()) {
            throw new DumpInterruptedException(request.operation());
        }
        return reply.messages();
    }

    /** The one object a GET names, or empty when the kernel says it does not exist. */
    Optional<NetlinkMessage> get(Request request) {
        try {
            return Optional.of(channel.get(request.message(), request.operation()));
        } catch (ErrnoException e) {
            NetlinkException failure = translate(e, request.operation());
            if (failure.isNotFound()) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    static NetlinkException translate(ErrnoException e, String operation) {
        return new NetlinkException(operation, e.errno(), e.extack(), e);
    }
}
