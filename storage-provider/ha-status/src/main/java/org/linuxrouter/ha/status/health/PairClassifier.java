package org.linuxrouter.ha.status.health;

import java.util.List;

/**
 * Classifies a pair from both nodes' reports and the outside probes (reference storage-ha-anchors §6.2):
 * FAILED if anything needs an operator or nothing serves, else UNKNOWN if something could not be seen, else
 * DEGRADED if redundancy is reduced, else HEALTHY. Every reason is kept, worst first. Pure: no I/O, no clock.
 */
public final class PairClassifier {
    private PairClassifier() {
    }

    public static Verdict classify(PairSpec spec, NodeReport first, NodeReport second, List<Probe> probes) {
        if (first.node().equals(second.node())) {
            throw new IllegalArgumentException("a pair needs two different nodes, got " + first.node() + " twice");
        }
        List<NodeReport> nodes = List.of(first, second);
        Findings f = new Findings();
        OtherRules.reachability(nodes, f);
        DrbdRules.check(nodes, f);
        ChainRules.check(spec, nodes, f);
        OtherRules.cluster(nodes, f);
        OtherRules.time(spec, nodes, f);
        OtherRules.probes(probes, f);
        return f.verdict();
    }
}
