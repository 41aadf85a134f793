package org.linuxrouter.ha.status.cluster;

import java.util.List;
import java.util.Objects;

/** What the local cluster manager (Heartbeat or Pacemaker) reports: is it up, who is a member, what went wrong. */
public final class ClusterStatus {
    public enum Stack { HEARTBEAT, PACEMAKER }

    private final Stack stack;
    private final boolean running;
    private final List<ClusterNode> nodes;
    private final List<String> problems;

    public ClusterStatus(Stack stack, boolean running, List<ClusterNode> nodes, List<String> problems) {
        this.stack = Objects.requireNonNull(stack, "stack");
        this.running = running;
        this.nodes = List.copyOf(nodes);
        this.problems = List.copyOf(problems);
    }

    public Stack stack() {
        return stack;
    }

    /** The cluster manager runs on this node. */
    public boolean running() {
        return running;
    }

    public List<ClusterNode> nodes() {
        return nodes;
    }

    /** Failed actions, no quorum, unclean or standby nodes, stopped or blocked resources: each one line. */
    public List<String> problems() {
        return problems;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ClusterStatus)) {
            return false;
        }
        ClusterStatus c = (ClusterStatus) o;
        return c.stack == stack && c.running == running && c.nodes.equals(nodes) && c.problems.equals(problems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stack, running, nodes, problems);
    }

    @Override
    public String toString() {
        return stack + (running ? " running " : " stopped ") + nodes + (problems.isEmpty() ? "" : " " + problems);
    }
}
