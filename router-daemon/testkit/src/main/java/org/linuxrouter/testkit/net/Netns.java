package org.linuxrouter.testkit.net;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.linuxrouter.testkit.process.Command;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * A named network namespace ({@code ip netns add}), deleted again on {@link #close()}.
 *
 * <p>Use it with try-with-resources so a failing test leaves nothing behind. Needs root and {@code iproute2}.
 */
public final class Netns implements AutoCloseable {

    private final String name;

    private Netns(String name) {
        this.name = name;
    }

    /** Creates the namespace and brings its loopback up; fails if one of that name exists already. */
    public static Netns create(String name) {
        Names.netns(name);
        Command.run(List.of("ip", "netns", "add", name)).requireSuccess();
        Netns netns = new Netns(name);
        netns.ip().run("link", "set", "lo", "up");
        return netns;
    }

    /** Whether {@code ip netns list} shows a namespace of this name. */
    public static boolean exists(String name) {
        Names.netns(name);
        for (JsonNode entry : Ip.host().json("netns", "list")) {
            if (name.equals(entry.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    public String name() {
        return name;
    }

    /** {@code ip -n name}. */
    public Ip ip() {
        return Ip.in(name);
    }

    /** Runs a program inside the namespace: {@code ip netns exec name argv...}; the result is not checked. */
    /** One ping with a 5 s deadline: true when a reply came back ({@code ping -n -q -c 1 -w 5 TARGET} in here). */
    public boolean ping(String target) {
        return exec("ping", "-n", "-q", "-c", "1", "-w", "5", target).succeeded();
    }

    public CommandResult exec(String... argv) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(argv));
        return Command.run(full);
    }

    /**
     * Creates a veth pair with {@code localName} here and {@code peerName} in {@code peer}, both left down.
     */
    public void vethTo(Netns peer, String localName, String peerName) {
        ip().run("link", "add", Names.link(localName), "type", "veth",
                "peer", "name", Names.link(peerName), "netns", peer.name());
    }

    /** Deletes the namespace; the kernel destroys the links inside it (a veth's peer goes with it). */
    @Override
    public void close() {
        Command.run(List.of("ip", "netns", "del", name)).requireSuccess();
    }

    @Override
    public String toString() {
        return "netns " + name;
    }
}
