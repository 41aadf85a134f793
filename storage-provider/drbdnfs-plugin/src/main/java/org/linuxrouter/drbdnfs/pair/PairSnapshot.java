package org.linuxrouter.drbdnfs.pair;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.linuxrouter.ha.status.health.Verdict;
import org.linuxrouter.ha.status.report.Capacity;

/** A pair at one moment: both nodes, the verdict, and the exported filesystem's capacity if a node reported it. */
public final class PairSnapshot {
    private final List<NodeView> nodes;
    private final Verdict verdict;
    private final Instant checked;

    public PairSnapshot(List<NodeView> nodes, Verdict verdict, Instant checked) {
        this.nodes = List.copyOf(nodes);
        this.verdict = verdict;
        this.checked = checked;
    }

    public List<NodeView> nodes() {
        return nodes;
    }

    public Verdict verdict() {
        return verdict;
    }

    public Instant checked() {
        return checked;
    }

    /** From the node that has the filesystem mounted (the serving one). */
    public Optional<Capacity> capacity() {
        return nodes.stream().map(n -> n.agentReport().flatMap(r -> r.capacity())).filter(Optional::isPresent)
                .map(Optional::get).findFirst();
    }
}
