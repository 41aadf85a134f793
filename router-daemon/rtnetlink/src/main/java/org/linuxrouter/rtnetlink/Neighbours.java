package org.linuxrouter.rtnetlink;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.linuxrouter.rtnetlink.wire.NetlinkMessage;

/**
 * The neighbour caches (ARP, NDP) and the proxy tables (addresses the kernel answers ARP or neighbour
 * solicitations for on an interface). Every method throws {@link NetlinkException} when the kernel refuses.
 */
public final class Neighbours {
    private final Rtnl rtnl;

    Neighbours(Rtnl rtnl) {
        this.rtnl = rtnl;
    }

    /** Neighbour entries followed by proxy entries, both families. Equivalent to: {@code ip neigh show;
     * ip neigh show proxy}. */
    public List<Neighbour> list() {
        List<Neighbour> out = decodeAll(NeighbourCodec.dump(false));
        out.addAll(listProxies());
        return out;
    }

    /** Proxy entries only, both families. Equivalent to: {@code ip neigh show proxy; ip -6 neigh show proxy}. */
    public List<Neighbour> listProxies() {
        return decodeAll(NeighbourCodec.dump(true));
    }

    /**
     * Adds a proxy entry (IPv4: proxy ARP; IPv6: proxy NDP, which also needs the proxy_ndp sysctl). Adding one
     * that exists succeeds: the kernel's proxy table ignores NLM_F_EXCL. Equivalent to:
     * {@code ip neigh add proxy ADDRESS dev NAME}.
     */
    public void addProxy(int linkIndex, InetAddress address) {
        rtnl.execute(NeighbourCodec.addProxy(linkIndex, address));
    }

    /**
     * Deletes a proxy entry; {@link NetlinkException#isNotFound()} (ENOENT) when there is none. Equivalent to:
     * {@code ip neigh del proxy ADDRESS dev NAME}.
     */
    public void deleteProxy(int linkIndex, InetAddress address) {
        rtnl.execute(NeighbourCodec.deleteProxy(linkIndex, address));
    }

    private List<Neighbour> decodeAll(Request dump) {
        List<Neighbour> out = new ArrayList<>();
        for (NetlinkMessage m : rtnl.dump(dump)) {
            if (NeighbourCodec.isIp(m)) {
                out.add(NeighbourCodec.decode(m));
            }
        }
        return out;
    }
}
