package org.linuxrouter.rtnetlink;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.linuxrouter.rtnetlink.internal.Ack;

/**
 * Changes collected to be sent together: many requests per sendto (as many as fit the kernel's ACK budget), every
 * ACK matched to its request, and every failure reported, not just the first. The kernel applies each request on
 * its own; a batch is not a transaction. Not thread-safe; use one batch per thread.
 */
public final class Batch {
    private final Rtnl rtnl;
    private final List<Request> requests = new ArrayList<>();

    Batch(Rtnl rtnl) {
        this.rtnl = rtnl;
    }

    /** Equivalent to: {@code ip addr add PREFIX dev NAME}. */
    public Batch addAddress(Address address) {
        return with(AddressCodec.add(address));
    }

    /** Equivalent to: {@code ip addr del PREFIX dev NAME}. */
    public Batch deleteAddress(Address address) {
        return with(AddressCodec.delete(address));
    }

    /** Equivalent to: {@code ip route add ...}. */
    public Batch addRoute(Route route) {
        return with(RouteCodec.add(route));
    }

    /** Equivalent to: {@code ip route replace ...}. */
    public Batch replaceRoute(Route route) {
        return with(RouteCodec.replace(route));
    }

    /** Equivalent to: {@code ip route del ... proto N}. */
    public Batch deleteRoute(Route route) {
        return with(RouteCodec.delete(route));
    }

    /** Equivalent to: {@code ip neigh add proxy ADDRESS dev NAME}. */
    public Batch addProxyNeighbour(int linkIndex, InetAddress address) {
        return with(NeighbourCodec.addProxy(linkIndex, address));
    }

    /** Equivalent to: {@code ip neigh del proxy ADDRESS dev NAME}. */
    public Batch deleteProxyNeighbour(int linkIndex, InetAddress address) {
        return with(NeighbourCodec.deleteProxy(linkIndex, address));
    }

    /** Equivalent to: {@code ip link add link PARENT name NAME type vlan protocol P id VID}. */
    public Batch addVlan(String name, LinkKind.Vlan vlan) {
        return with(LinkCodec.create(name, vlan));
    }

    /** Creates a link of any kind that needs no peer. Equivalent to: {@code ip link add NAME type KIND ...}. */
    public Batch addLink(String name, LinkKind kind) {
        return with(LinkCodec.create(name, kind));
    }

    /** Equivalent to: {@code bridge fdb append MAC dev NAME dst REMOTE}. */
    public Batch appendFdb(FdbEntry entry) {
        return with(FdbCodec.append(entry));
    }

    /** Equivalent to: {@code bridge fdb del MAC dev NAME dst REMOTE}. */
    public Batch deleteFdb(FdbEntry entry) {
        return with(FdbCodec.delete(entry));
    }

    /** Equivalent to: {@code ip link set dev NAME up}. */
    public Batch setLinkUp(String name) {
        return with(LinkCodec.setUp(name, true));
    }

    /** Equivalent to: {@code ip link set dev NAME down}. */
    public Batch setLinkDown(String name) {
        return with(LinkCodec.setUp(name, false));
    }

    /** Equivalent to: {@code ip link set dev NAME mtu MTU}. */
    public Batch setLinkMtu(String name, int mtu) {
        return with(LinkCodec.setMtu(name, mtu));
    }

    /** Equivalent to: {@code ip link set dev NAME alias ALIAS}. */
    public Batch setLinkAlias(String name, String alias) {
        return with(LinkCodec.setAlias(name, alias));
    }

    /** Equivalent to: {@code ip link del dev NAME}. */
    public Batch deleteLink(String name) {
        return with(LinkCodec.delete(name));
    }

    public int size() {
        return requests.size();
    }

    /**
     * Sends everything collected, in order, and empties the batch. Kernel refusals are reported per operation in
     * the result; a failure of the socket itself throws {@link NetlinkException}. Equivalent to:
     * {@code ip -force -batch FILE} (keeps going after an error).
     */
    public BatchResult execute() {
        List<Request> sending = List.copyOf(requests);
        requests.clear();
        if (sending.isEmpty()) {
            return new BatchResult(List.of());
        }
        List<Ack> acks = rtnl.executeAll(sending);
        List<BatchResult.Outcome> outcomes = new ArrayList<>(acks.size());
        for (int i = 0; i < acks.size(); i++) {
            Ack ack = acks.get(i);
            String operation = sending.get(i).operation();
            outcomes.add(ack.succeeded() ? BatchResult.Outcome.success(operation)
                    : BatchResult.Outcome.failure(new NetlinkException(operation, ack.errno(), ack.extack(), null)));
        }
        return new BatchResult(outcomes);
    }

    private Batch with(Request request) {
        requests.add(request);
        return this;
    }
}
