package org.linuxrouter.testkit.net;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.linuxrouter.testkit.process.Command;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * The network namespaces (and host-side links) one lab or test made, every namespace named {@code PREFIX + name},
 * all deleted in reverse order on {@link #close()}: also after a failure half-way through building, so a broken
 * run leaves nothing behind for the next one (or another engineer's run with another prefix) to trip over.
 *
 * <p>{@code close()} tries every deletion even when one fails, throws the first failure with the others
 * suppressed on it, and does nothing the second time. Build a lab with {@link #build}, which closes the group if
 * the builder throws. Needs root and {@code iproute2}.
 */
public final class NetnsGroup implements AutoCloseable {

    /** Room for the name after it: netns names may be 64 characters (see {@link Names}). */
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_.-]{0,31})?");

    /** One thing to undo: deleting a namespace or a host link. */
    private interface Undo {
        void run();
    }

    private final String prefix;
    private final List<Undo> undo = new ArrayList<>();

    /**
     * A group whose namespaces are named {@code prefix + name}. The prefix must be unique to the caller on a shared
     * machine; it may be empty only where the kernel is the lab's own (a UML guest).
     */
    public NetnsGroup(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("expected a namespace prefix of 0-32 letters, digits, '_', '.', '-'"
                    + " (not starting with one of the last three), saw '" + prefix + "'");
        }
        this.prefix = prefix;
    }

    /**
     * Runs {@code builder} on a fresh group and returns what it built (which then owns the group). If the builder
     * throws, everything it made so far is deleted and its exception rethrown, a failed deletion suppressed on it.
     */
    public static <T> T build(String prefix, Function<NetnsGroup, T> builder) {
        NetnsGroup group = new NetnsGroup(prefix);
        try {
            return builder.apply(group);
        } catch (RuntimeException | Error e) {
            try {
                group.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    public String prefix() {
        return prefix;
    }

    /** The full name of this group's namespace {@code name}: {@code prefix + name}. */
    public String name(String name) {
        return prefix + name;
    }

    /** Creates namespace {@code prefix + name} (loopback up); fails if one of that name exists already. */
    public Netns create(String name) {
        Netns ns = Netns.create(name(name));
        undo.add(ns::close);
        return ns;
    }

    /**
     * Like {@link #create}, but first deletes a namespace of that name left behind by a crashed run (a JVM killed
     * before it could close): only for prefixes no one else uses.
     */
    public Netns replace(String name) {
        String full = name(name);
        if (Netns.exists(full)) {
            Command.run(List.of("ip", "netns", "del", full)); // exists() checked the name
        }
        return create(name);
    }

    /**
     * Registers a link in the host's namespace that the caller is about to create (typically a veth whose peer goes
     * into one of the group's namespaces), so that close deletes it unless it went already with its peer. Register
     * before creating: a batch that fails half-way may have made it. Returns {@code name}.
     */
    public String hostLink(String name) {
        Names.link(name);
        undo.add(() -> deleteHostLink(name));
        return name;
    }

    private static void deleteHostLink(String name) {
        CommandResult deleted = Command.run(List.of("ip", "link", "del", "dev", name));
        if (!deleted.succeeded() && hostHasLink(name)) {
            deleted.requireSuccess();
        }
    }

    private static boolean hostHasLink(String name) {
        for (JsonNode link : Ip.host().json("link", "show")) {
            if (name.equals(link.path("ifname").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Deletes everything in reverse order, each step tried; throws the first failure, the others suppressed. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (int i = undo.size() - 1; i >= 0; i--) {
            try {
                undo.get(i).run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        undo.clear();
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "netns group '" + prefix + "' (" + undo.size() + " to undo)";
    }
}
