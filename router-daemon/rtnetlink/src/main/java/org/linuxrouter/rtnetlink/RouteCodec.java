package org.linuxrouter.rtnetlink;

import java.net.InetAddress;
import java.util.Optional;
import org.linuxrouter.rtnetlink.wire.AddressFamily;
import org.linuxrouter.rtnetlink.wire.Attributes;
import org.linuxrouter.rtnetlink.wire.MessageWriter;
import org.linuxrouter.rtnetlink.wire.NetlinkMessage;
import org.linuxrouter.rtnetlink.wire.Rta;
import org.linuxrouter.rtnetlink.wire.RtMsg;
import org.linuxrouter.rtnetlink.wire.Rtm;

/** RTM_*ROUTE requests and the decoding of RTM_NEWROUTE/RTM_DELROUTE into {@link Route}. */
final class RouteCodec {
    private RouteCodec() {
    }

    static Request dump() {
        return Request.of(Rtm.GETROUTE, Request.DUMP, "dump",
                out -> new RtMsg(AddressFamily.UNSPEC, 0, 0, 0, 0, 0, 0, 0, 0).write(out));
    }

    static Request add(Route route) {
        return Request.of(Rtm.NEWROUTE, Request.CREATE_EXCL, subject(route), out -> write(out, route,
                route.scope()));
    }

    static Request replace(Route route) {
        return Request.of(Rtm.NEWROUTE, Request.CREATE_REPLACE, subject(route), out -> write(out, route,
                route.scope()));
    }

    /**
     * Scope NOWHERE matches any scope, as iproute2's delete does; the protocol is sent as given, so the kernel
     * deletes only a route with that protocol (a daemon never removes a route it did not add).
     */
    static Request delete(Route route) {
        return Request.of(Rtm.DELROUTE, Request.CHANGE, subject(route), out -> write(out, route,
                Rtm.RT_SCOPE_NOWHERE));
    }

    /** Attribute order as iproute2's {@code ip route add PREFIX [via GW] dev LINK proto N}. */
    private static void write(MessageWriter out, Route route, int scope) {
        boolean bigTable = route.table() > 255;
        new RtMsg(route.family(), route.destination().length(), 0, 0, bigTable ? Rtm.RT_TABLE_UNSPEC : route.table(),
                route.protocol(), scope, route.type(), 0).write(out);
        if (bigTable) {
            out.attrU32(Rta.TABLE, route.table());
        }
        if (route.destination().length() > 0) {
            out.attrBytes(Rta.DST, route.destination().address().getAddress());
        }
        route.gateway().ifPresent(g -> out.attrBytes(Rta.GATEWAY, g.getAddress()));
        route.preferredSource().ifPresent(s -> out.attrBytes(Rta.PREFSRC, s.getAddress()));
        route.priority().ifPresent(p -> out.attrU32(Rta.PRIORITY, p));
        route.outputInterface().ifPresent(i -> out.attrU32(Rta.OIF, i));
    }

    static Route decode(NetlinkMessage message) {
        RtMsg header = RtMsg.read(message);
        Attributes attrs = message.attributes(RtMsg.LENGTH);
        InetAddress destination = attrs.address(Rta.DST).orElseGet(() -> anyAddress(header.family()));
        Route.Builder route = Route.builder(new IpPrefix(destination, header.destinationLength()))
                .table(attrs.u32(Rta.TABLE).orElse(header.table())).protocol(header.protocol())
                .scope(header.scope()).type(header.type());
        attrs.u32(Rta.OIF).ifPresent(route::outputInterface);
        attrs.address(Rta.GATEWAY).ifPresent(route::gateway);
        attrs.u32(Rta.PRIORITY).ifPresent(route::priority);
        attrs.address(Rta.PREFSRC).ifPresent(route::preferredSource);
        return route.build();
    }

    static boolean isIpRoute(NetlinkMessage message) {
        int family = RtMsg.read(message).family();
        return family == AddressFamily.INET || family == AddressFamily.INET6;
    }

    private static InetAddress anyAddress(int family) {
        try {
            return InetAddress.getByAddress(new byte[AddressFamily.addressLength(family)]);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("getByAddress rejected an all-zero address", e);
        }
    }

    private static String subject(Route route) {
        return route.destination() + route.gateway().map(g -> " via " + g.getHostAddress()).orElse("")
                + (route.outputInterface().isPresent() ? " dev " + route.outputInterface().getAsInt() : "")
                + " proto " + route.protocol() + (route.table() == Rtm.RT_TABLE_MAIN ? "" : " table " + route.table());
    }

    static Optional<Route> decodeIfIp(NetlinkMessage message) {
        return isIpRoute(message) ? Optional.of(decode(message)) : Optional.empty();
    }
}
