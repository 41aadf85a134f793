package org.linuxrouter.rtnetlink.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The independent oracle for the kernel tests: iproute2 run through testkit's {@link org.linuxrouter.testkit.net.Ip}
 * (argument vectors, never a shell), in the calling thread's network namespace, which {@link FreshNetns} made
 * fresh. Kernel tests read state back through this, never through the library under test. A static facade, so the
 * tests read {@code Ip.json("addr", "show")} like the command line.
 */
public final class Ip {
    private static final org.linuxrouter.testkit.net.Ip HERE = org.linuxrouter.testkit.net.Ip.host();

    private Ip() {
    }

    /** Runs {@code ip ARGS...}; fails with ip's stderr if it exits non-zero. Returns stdout. */
    public static String run(String... args) {
        return HERE.run(args).stdout();
    }

    /** Runs {@code ip -j ARGS...} and parses the JSON array it prints (an empty array when it prints nothing). */
    public static JsonNode json(String... args) {
        return HERE.json(args);
    }

    /** Runs many commands in one {@code ip -batch} process: thousands of links in about a second. */
    public static void batch(List<String> lines) {
        HERE.batch(lines);
    }

    /** The ifindex of a link, read with {@code ip -j link show dev NAME}. */
    public static int index(String name) {
        return HERE.link(name).path("ifindex").asInt();
    }
}
