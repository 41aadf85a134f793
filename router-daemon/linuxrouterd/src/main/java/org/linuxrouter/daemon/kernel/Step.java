package org.linuxrouter.daemon.kernel;

/**
 * One idempotent change to the kernel, attributed to the network it serves (for status and logs). A plan is an
 * ordered list of steps; {@link KernelPort#apply} performs them.
 */
public sealed interface Step {

    /** The CloudStack network uuid this step serves, or {@code ""} for an orphan the daemon cleans up. */
    String network();

    /** A short description for logs and status, e.g. {@code create link eth1.100}. */
    String describe();

    /** Equivalent to: {@code ip link add NAME type vlan|vxlan ...; ip link set NAME mtu MTU alias A up}. */
    record CreateLink(OwnedLink link) implements Step {
        public String network() {
            return link.network();
        }

        public String describe() {
            return "create link " + link.name();
        }
    }

    /** Equivalent to: {@code ip link set NAME mtu MTU up|down}. */
    record SetLinkState(OwnedLink link) implements Step {
        public String network() {
            return link.network();
        }

        public String describe() {
            return "set link " + link.name() + (link.up() ? " up" : " down") + (link.mtu() > 0 ? " mtu " + link.mtu() : "");
        }
    }

    /** Equivalent to: {@code ip link del NAME}; also removes its addresses and routes. */
    record DeleteLink(String name, String network) implements Step {
        public String describe() {
            return "delete link " + name;
        }
    }

    /** Equivalent to: {@code ip addr add A/P dev L}. */
    record AddAddress(InterfaceAddress address, String network) implements Step {
        public String describe() {
            return "add address " + address;
        }
    }

    /** Equivalent to: {@code ip addr del A/P dev L}. */
    record DeleteAddress(InterfaceAddress address, String network) implements Step {
        public String describe() {
            return "delete address " + address;
        }
    }

    /** Equivalent to: {@code ip route replace A dev L proto 210 scope link}. */
    record AddRoute(HostRoute route, String network) implements Step {
        public String describe() {
            return "add route " + route;
        }
    }

    /** Equivalent to: {@code ip route del A dev L proto 210}. */
    record DeleteRoute(HostRoute route, String network) implements Step {
        public String describe() {
            return "delete route " + route;
        }
    }

    /** Equivalent to: {@code ip neigh add proxy A dev L}. */
    record AddProxy(ProxyNeighbour proxy, String network) implements Step {
        public String describe() {
            return "add " + proxy;
        }
    }

    /** Equivalent to: {@code ip neigh del proxy A dev L}. */
    record DeleteProxy(ProxyNeighbour proxy, String network) implements Step {
        public String describe() {
            return "delete " + proxy;
        }
    }

    /** Equivalent to: {@code bridge fdb append 00:00:00:00:00:00 dev L dst R}. */
    record AddFlood(FloodEntry flood, String network) implements Step {
        public String describe() {
            return "add " + flood;
        }
    }

    /** Equivalent to: {@code bridge fdb del 00:00:00:00:00:00 dev L dst R}. */
    record DeleteFlood(FloodEntry flood, String network) implements Step {
        public String describe() {
            return "delete " + flood;
        }
    }
}
