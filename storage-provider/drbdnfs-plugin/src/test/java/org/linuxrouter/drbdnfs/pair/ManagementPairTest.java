package org.linuxrouter.drbdnfs.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linuxrouter.drbdnfs.FakeAgents;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.health.HealthState;
import org.linuxrouter.ha.status.health.PairSpec;
import org.linuxrouter.ha.status.report.AgentReport;
import org.linuxrouter.ha.status.report.PortCheck;
import org.linuxrouter.ha.status.report.RawOutput;
import org.linuxrouter.ha.status.report.Sources;

/** The management-server pair: which node runs the database, the floating IP, 8080/8250 on each server. */
class ManagementPairTest {
    private static AgentReport msNode(String name, boolean active, boolean msUp) {
        AgentReport storage = FakeAgents.storageNode(name, active);
        Map<String, RawOutput> s = new HashMap<>(storage.sources());
        s.remove(Sources.NFSD_THREADS);
        s.remove(Sources.EXPORTFS);
        s.put(Sources.DATABASE_ACTIVE, RawOutput.of(active ? "active\n" : "inactive\n", active ? 0 : 3));
        return new AgentReport(name, AgentReport.Role.MANAGEMENT, s, Optional.empty(),
                List.of(new PortCheck("127.0.0.1", 8080, msUp), new PortCheck("127.0.0.1", 8250, msUp)));
    }

    private static PairEndpoints endpoints() {
        return PairEndpoints.parse(FakeAgents.AGENT_A + "," + FakeAgents.AGENT_B, FakeAgents.PIN_A + "," + FakeAgents.PIN_B,
                FakeAgents.SECRET);
    }

    @Test
    void databaseOnTheActiveNodeAndOneManagementServerDownIsDegraded() throws IOException {
        try (ServerSocket db = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            FakeAgents agents = new FakeAgents().answer(FakeAgents.AGENT_A, Reading.of(msNode("ms1", true, true)))
                    .answer(FakeAgents.AGENT_B, Reading.of(msNode("ms2", false, false)));
            PairSpec spec = PairSpec.newBuilder(PairSpec.Kind.DATABASE, FakeAgents.VIP).mountPoint("/srv/nfs").build();
            PairSnapshot s = new PairProbe(agents, Clock.systemUTC()).managementPair(endpoints(), spec, db.getLocalPort());
            assertEquals(HealthState.DEGRADED, s.verdict().state(), s.verdict().summary());
            assertEquals(List.of("management server ms2 port 8080: no answer", "management server ms2 port 8250: no answer"),
                    s.verdict().reasons());
            assertTrue(s.nodes().get(0).report().databaseRunning().value());
        }
    }

    @Test
    void databaseDownOnTheActiveNodeIsFailed() throws IOException {
        int closedPort;
        try (ServerSocket db = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = db.getLocalPort();
        }
        AgentReport ms1 = msNode("ms1", true, true);
        Map<String, RawOutput> s = new HashMap<>(ms1.sources());
        s.put(Sources.DATABASE_ACTIVE, RawOutput.of("failed\n", 3));
        FakeAgents agents = new FakeAgents()
                .answer(FakeAgents.AGENT_A, Reading.of(new AgentReport("ms1", AgentReport.Role.MANAGEMENT, s, Optional.empty(), ms1.ports())))
                .answer(FakeAgents.AGENT_B, Reading.of(msNode("ms2", false, true)));
        PairSpec spec = PairSpec.newBuilder(PairSpec.Kind.DATABASE, FakeAgents.VIP).build();
        PairSnapshot snap = new PairProbe(agents, Clock.systemUTC()).managementPair(endpoints(), spec, closedPort);
        assertEquals(HealthState.FAILED, snap.verdict().state());
        assertEquals(List.of("ms1 holds the floating IP but the database is not running",
                "database on " + FakeAgents.VIP + ":" + closedPort + ": no answer"), snap.verdict().reasons());
    }
}
