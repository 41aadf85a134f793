package org.linuxrouter.testkit.net;

import java.util.regex.Pattern;

/** Boundary checks for the names we hand to iproute2, so a typo fails here with a clear message. */
final class Names {

    /** IFNAMSIZ is 16 including the terminating NUL. */
    private static final Pattern LINK = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,14}");
    /** ip netns names become file names under /run/netns. */
    private static final Pattern NETNS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private Names() {
    }

    static String link(String name) {
        if (name == null || !LINK.matcher(name).matches()) {
            throw new IllegalArgumentException("expected an interface name of 1-15 letters, digits, '_', '.', '-', saw '"
                    + name + "'");
        }
        return name;
    }

    static String netns(String name) {
        if (name == null || !NETNS.matcher(name).matches()) {
            throw new IllegalArgumentException("expected a network namespace name of 1-64 letters, digits, '_',"
                    + " '.', '-', saw '" + name + "'");
        }
        return name;
    }
}
