package org.linuxrouter.drbdnfs.pair;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.health.HealthState;
import org.linuxrouter.ha.status.health.NodeReport;
import org.linuxrouter.ha.status.health.PairClassifier;
import org.linuxrouter.ha.status.health.PairSpec;
import org.linuxrouter.ha.status.health.Probe;
import org.linuxrouter.ha.status.report.AgentReport;
import org.linuxrouter.ha.status.report.NodeReports;
import org.linuxrouter.ha.status.report.PortCheck;

/** Asks both agents, makes the outside checks, classifies: one {@link PairSnapshot}. Never throws. */
public final class PairProbe {
    private final AgentTransport transport;
    private final Clock clock;

    public PairProbe(AgentTransport transport, Clock clock) {
        this.transport = transport;
        this.clock = clock;
    }

    /** The NFS pair: the service probe is TCP {@code nfsPort} on the floating IP. */
    public PairSnapshot nfsPair(PairEndpoints endpoints, PairSpec spec, int nfsPort) {
        List<Probe> probes = List.of(new Probe("NFS on " + spec.floatingIp() + ":" + nfsPort,
                transport.tcpAnswers(spec.floatingIp(), nfsPort), HealthState.FAILED));
        return classify(endpoints, spec, probes);
    }

    /**
     * The management-server pair: MariaDB answers on the floating IP, and each node's agent says whether its
     * management server answers on 8080 and 8250 (one down: DEGRADED; the database down: FAILED).
     */
    public PairSnapshot managementPair(PairEndpoints endpoints, PairSpec spec, int databasePort) {
        List<NodeView> views = ask(endpoints);
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("database on " + spec.floatingIp() + ":" + databasePort,
                transport.tcpAnswers(spec.floatingIp(), databasePort), HealthState.FAILED));
        for (NodeView v : views) {
            v.agentReport().ifPresent(r -> {
                for (PortCheck p : r.ports()) {
                    probes.add(new Probe("management server " + r.node() + " port " + p.port(), Reading.of(p.open()),
                            HealthState.DEGRADED));
                }
            });
        }
        return new PairSnapshot(views, classify(spec, views, probes), clock.instant());
    }

    private PairSnapshot classify(PairEndpoints endpoints, PairSpec spec, List<Probe> probes) {
        List<NodeView> views = ask(endpoints);
        return new PairSnapshot(views, classify(spec, views, probes), clock.instant());
    }

    private static org.linuxrouter.ha.status.health.Verdict classify(PairSpec spec, List<NodeView> views, List<Probe> probes) {
        return PairClassifier.classify(spec, views.get(0).report(), views.get(1).report(), probes);
    }

    private List<NodeView> ask(PairEndpoints endpoints) {
        List<NodeView> views = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            URI agent = endpoints.agents().get(i);
            Reading<AgentReport> answer = transport.status(agent, endpoints.fingerprints().get(i), endpoints.secret());
            String name = answer.known() ? answer.value().node() : agent.getHost();
            NodeReport report = answer.known() ? NodeReports.from(answer.value()) : NodeReport.unreachable(name, answer.problem());
            views.add(new NodeView(agent, answer, report));
        }
        if (views.get(0).report().node().equals(views.get(1).report().node())) {
            // both URLs reach the same node (or two nodes share a name): the classifier needs two distinct nodes
            NodeView second = views.get(1);
            views.set(1, new NodeView(second.agent(), second.answer(), NodeReport.unreachable(
                    second.agent().getHost(), "answers as " + second.report().node() + ", the same node as the first agent")));
        }
        return views;
    }
}
