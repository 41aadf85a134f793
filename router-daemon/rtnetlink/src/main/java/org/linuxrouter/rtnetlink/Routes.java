package org.linuxrouter.rtnetlink;

import java.util.ArrayList;
import java.util.List;
import org.linuxrouter.rtnetlink.wire.NetlinkMessage;
import org.linuxrouter.rtnetlink.wire.Rtm;

/** IPv4 and IPv6 routes. Every method throws {@link NetlinkException} when the kernel refuses. */
public final class Routes {
    private final Rtnl rtnl;

    Routes(Rtnl rtnl) {
        this.rtnl = rtnl;
    }

    /** The main table, both families. Equivalent to: {@code ip route show; ip -6 route show}. */
    public List<Route> list() {
        return list(Rtm.RT_TABLE_MAIN);
    }

    /** One table, both families. Equivalent to: {@code ip route show table ID; ip -6 route show table ID}. */
    public List<Route> list(int table) {
        List<Route> out = new ArrayList<>();
        for (NetlinkMessage m : rtnl.dump(RouteCodec.dump())) {
            // AF_UNSPEC dumps every family that has routes, multicast routing caches included: keep IP only
            RouteCodec.decodeIfIp(m).filter(r -> r.table() == table).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Adds a route; EEXIST if the table has it already. Equivalent to: {@code ip route add PREFIX dev NAME
     * proto N scope link} (fields as set on the route).
     */
    public void add(Route route) {
        rtnl.execute(RouteCodec.add(route));
    }

    /** Adds the route or replaces the one with the same destination. Equivalent to: {@code ip route replace ...}. */
    public void replace(Route route) {
        rtnl.execute(RouteCodec.replace(route));
    }

    /**
     * Deletes the route with this destination, table, type and protocol (any scope);
     * {@link NetlinkException#isNotFound()} (ESRCH) when there is none. Equivalent to:
     * {@code ip route del PREFIX dev NAME proto N}.
     */
    public void delete(Route route) {
        rtnl.execute(RouteCodec.delete(route));
    }
}
