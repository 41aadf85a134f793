package org.linuxrouter.daemon.kernel;

import java.util.Optional;

/**
 * How the daemon marks kernel objects as its own, so that it removes only what it created, also after a restart
 * or an upgrade: links carry an interface alias naming the network, routes (and proxy entries, where the kernel
 * supports it) carry a protocol number of their own.
 */
public final class Ownership {

    /** Route protocol of the daemon's host routes; outside the numbers iproute2's rt_protos names (0-18, 42, 99, 186-192). */
    public static final int ROUTE_PROTOCOL = 210;

    private static final String ALIAS_PREFIX = "linuxrouter:";

    private Ownership() {
    }

    /** The ifalias of the link serving {@code network}. Equivalent to: {@code ip link set NAME alias linuxrouter:UUID}. */
    public static String alias(String network) {
        return ALIAS_PREFIX + network;
    }

    /** The network a link serves, when its alias marks it as ours. */
    public static Optional<String> networkOf(String alias) {
        if (alias == null || !alias.startsWith(ALIAS_PREFIX) || alias.length() == ALIAS_PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(alias.substring(ALIAS_PREFIX.length()));
    }
}
