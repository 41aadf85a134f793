package org.linuxrouter.rtnetlink;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;
import org.linuxrouter.rtnetlink.wire.AddressFamily;
import org.linuxrouter.rtnetlink.wire.Rtm;

/**
 * A route (one RTM_NEWROUTE message), and the request to add, replace or delete one. Build requests with
 * {@link #hostRoute} or {@link #builder}.
 *
 * @param destination     RTA_DST with rtm_dst_len (0.0.0.0/0 or ::/0 for a default route)
 * @param outputInterface RTA_OIF
 * @param gateway         RTA_GATEWAY
 * @param table           routing table id (RT_TABLE_MAIN, 254, by default)
 * @param protocol        rtm_protocol: who installed the route; values above 4 are free for daemons
 * @param scope           rtm_scope (RT_SCOPE_*)
 * @param type            rtm_type (RTN_*, RTN_UNICAST by default)
 * @param priority        RTA_PRIORITY (the metric)
 * @param preferredSource RTA_PREFSRC
 */
public record Route(IpPrefix destination, OptionalInt outputInterface, Optional<InetAddress> gateway, int table,
                    int protocol, int scope, int type, OptionalInt priority, Optional<InetAddress> preferredSource) {
    public Route {
        if (destination == null || outputInterface == null || gateway == null || priority == null
                || preferredSource == null) {
            throw new IllegalArgumentException("expected every optional route field to be non-null (use empty)");
        }
        outputInterface.ifPresent(Validate::linkIndex);
        if (table <= 0) {
            throw new IllegalArgumentException("expected a routing table id > 0, got " + table);
        }
        Validate.u8("route protocol", protocol);
        Validate.u8("route scope", scope);
        Validate.u8("route type", type);
        gateway.ifPresent(g -> sameFamily("gateway", g, destination));
        preferredSource.ifPresent(s -> sameFamily("preferred source", s, destination));
    }

    /**
     * A /32 (IPv4) or /128 (IPv6) route to {@code destination} out of {@code outputInterface}, in the main table,
     * tagged with {@code protocol}. IPv4 gets scope link (no gateway: the address is on that link), IPv6 scope
     * universe (IPv6 has no per-route scope; iproute2 sends universe too).
     */
    public static Route hostRoute(InetAddress destination, int outputInterface, int protocol) {
        IpPrefix host = IpPrefix.host(destination);
        return builder(host).outputInterface(outputInterface).protocol(protocol)
                .scope(host.isIpv4() ? Rtm.RT_SCOPE_LINK : Rtm.RT_SCOPE_UNIVERSE).build();
    }

    public static Builder builder(IpPrefix destination) {
        return new Builder(destination);
    }

    /** AF_INET or AF_INET6. */
    public int family() {
        return AddressFamily.of(destination.address());
    }

    private static void sameFamily(String field, InetAddress address, IpPrefix destination) {
        if (AddressFamily.of(address) != AddressFamily.of(destination.address())) {
            throw new IllegalArgumentException("expected the " + field + " " + address.getHostAddress()
                    + " to be of the same family as " + destination);
        }
    }

    /** Builds a route request; unset fields take the defaults documented on {@link Route}. */
    public static final class Builder {
        private final IpPrefix destination;
        private OptionalInt outputInterface = OptionalInt.empty();
        private Optional<InetAddress> gateway = Optional.empty();
        private int table = Rtm.RT_TABLE_MAIN;
        private int protocol = Rtm.RTPROT_BOOT;
        private int scope = Rtm.RT_SCOPE_UNIVERSE;
        private int type = Rtm.RTN_UNICAST;
        private OptionalInt priority = OptionalInt.empty();
        private Optional<InetAddress> preferredSource = Optional.empty();

        private Builder(IpPrefix destination) {
            this.destination = destination;
        }

        public Builder outputInterface(int index) {
            this.outputInterface = OptionalInt.of(index);
            return this;
        }

        public Builder gateway(InetAddress gateway) {
            this.gateway = Optional.of(gateway);
            return this;
        }

        public Builder table(int table) {
            this.table = table;
            return this;
        }

        public Builder protocol(int protocol) {
            this.protocol = protocol;
            return this;
        }

        public Builder scope(int scope) {
            this.scope = scope;
            return this;
        }

        public Builder type(int type) {
            this.type = type;
            return this;
        }

        public Builder priority(int priority) {
            this.priority = OptionalInt.of(priority);
            return this;
        }

        public Builder preferredSource(InetAddress source) {
            this.preferredSource = Optional.of(source);
            return this;
        }

        public Route build() {
            return new Route(destination, outputInterface, gateway, table, protocol, scope, type, priority,
                    preferredSource);
        }
    }
}
