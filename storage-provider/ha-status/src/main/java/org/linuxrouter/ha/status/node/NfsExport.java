package org.linuxrouter.ha.status.node;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One (path, client) line of {@code exportfs -v}, with its options. */
public final class NfsExport {
    private final String path;
    private final String client;
    private final List<String> options;

    public NfsExport(String path, String client, List<String> options) {
        this.path = Objects.requireNonNull(path, "path");
        this.client = Objects.requireNonNull(client, "client");
        this.options = List.copyOf(options);
    }

    public String path() {
        return path;
    }

    /** "10.0.0.0/24", a host name, or {@code <world>} for {@code *}. */
    public String client() {
        return client;
    }

    public List<String> options() {
        return options;
    }

    /** {@code fsid=} value: without it the file handles change on failover and clients see ESTALE. */
    public Optional<String> fsid() {
        for (String o : options) {
            if (o.startsWith("fsid=")) {
                return Optional.of(o.substring(5));
            }
        }
        return Optional.empty();
    }

    /** {@code async}: the server acknowledges writes before they reach DRBD; they are lost on failover. */
    public boolean async() {
        return options.contains("async");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NfsExport && ((NfsExport) o).path.equals(path) && ((NfsExport) o).client.equals(client)
                && ((NfsExport) o).options.equals(options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, client, options);
    }

    @Override
    public String toString() {
        return path + " " + client + "(" + String.join(",", options) + ")";
    }
}
