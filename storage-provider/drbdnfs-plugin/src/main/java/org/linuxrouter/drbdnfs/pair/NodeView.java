package org.linuxrouter.drbdnfs.pair;

import java.net.URI;
import java.util.Optional;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.health.NodeReport;
import org.linuxrouter.ha.status.report.AgentReport;

/** One node as last seen: its agent's URL, the raw answer (or why none) and the parsed report. */
public final class NodeView {
    private final URI agent;
    private final Reading<AgentReport> answer;
    private final NodeReport report;

    public NodeView(URI agent, Reading<AgentReport> answer, NodeReport report) {
        this.agent = agent;
        this.answer = answer;
        this.report = report;
    }

    public URI agent() {
        return agent;
    }

    public Reading<AgentReport> answer() {
        return answer;
    }

    public NodeReport report() {
        return report;
    }

    public Optional<AgentReport> agentReport() {
        return answer.asOptional();
    }
}
