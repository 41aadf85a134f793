package org.linuxrouter.ha.status.cluster;

import java.util.Objects;

/** A cluster member as the cluster manager sees it. */
public final class ClusterNode {
    private final String name;
    private final boolean online;
    private final String detail;

    public ClusterNode(String name, boolean online, String detail) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("node name must not be blank");
        }
        this.name = name;
        this.online = online;
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    public String name() {
        return name;
    }

    public boolean online() {
        return online;
    }

    /** The manager's own words: "active", "dead" (Heartbeat); "online", "standby", "unclean" (Pacemaker). */
    public String detail() {
        return detail;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterNode && ((ClusterNode) o).name.equals(name) && ((ClusterNode) o).online == online
                && ((ClusterNode) o).detail.equals(detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, online, detail);
    }

    @Override
    public String toString() {
        return name + " " + detail;
    }
}
