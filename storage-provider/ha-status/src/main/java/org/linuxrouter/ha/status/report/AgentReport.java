package org.linuxrouter.ha.status.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** One agent's answer: which node, its role, every raw source output, capacity and port checks. */
public final class AgentReport {
    /** A storage node (NFS pair) or a management-server node (MariaDB pair). */
    public enum Role { STORAGE, MANAGEMENT }

    private final String node;
    private final Role role;
    private final Map<String, RawOutput> sources;
    private final Capacity capacity;
    private final List<PortCheck> ports;

    public AgentReport(String node, Role role, Map<String, RawOutput> sources, Optional<Capacity> capacity,
            List<PortCheck> ports) {
        if (node == null || !node.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,252}")) {
            throw new IllegalArgumentException("node must be a host name, got " + node);
        }
        this.node = node;
        this.role = Objects.requireNonNull(role, "role");
        for (String name : sources.keySet()) {
            if (!Sources.validName(name)) {
                throw new IllegalArgumentException("unknown source name '" + name + "'");
            }
        }
        this.sources = Map.copyOf(new TreeMap<>(sources));
        this.capacity = capacity.orElse(null);
        this.ports = List.copyOf(ports);
    }

    public String node() {
        return node;
    }

    public Role role() {
        return role;
    }

    public Map<String, RawOutput> sources() {
        return sources;
    }

    public Optional<RawOutput> source(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    /** Present only on the node that has the pair's filesystem mounted. */
    public Optional<Capacity> capacity() {
        return Optional.ofNullable(capacity);
    }

    public List<PortCheck> ports() {
        return ports;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AgentReport)) {
            return false;
        }
        AgentReport r = (AgentReport) o;
        return r.node.equals(node) && r.role == role && r.sources.equals(sources) && Objects.equals(r.capacity, capacity)
                && r.ports.equals(ports);
    }

    @Override
    public int hashCode() {
        return Objects.hash(node, role, sources, capacity, ports);
    }

    @Override
    public String toString() {
        return node + " (" + role + ") " + sources.keySet();
    }
}
