package org.linuxrouter.ha.status.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.Samples;
import org.linuxrouter.ha.status.cluster.ClusterStatus;
import org.linuxrouter.ha.status.drbd.ReplicationState;
import org.linuxrouter.ha.status.health.NodeReport;

class AgentReportTest {
    private static AgentReport storageReport() {
        Map<String, RawOutput> s = new LinkedHashMap<>();
        s.put(Sources.PROC_DRBD, RawOutput.of(Samples.read("proc-drbd/syncsource.txt"), 0));
        s.put(Sources.DRBD_EVENTS2, RawOutput.of(Samples.read("events2/connected-primary.txt"), 0));
        s.put(Sources.IP_ADDR, RawOutput.of(Samples.read("node/ip-addr-vip.json"), 0));
        s.put(Sources.FINDMNT, RawOutput.of(Samples.read("node/findmnt.json"), 0));
        s.put(Sources.NFSD_THREADS, RawOutput.of("8\n", 0));
        s.put(Sources.EXPORTFS, RawOutput.failed("exportfs: timed out after 5 s"));
        s.put(Sources.CHRONY_TRACKING, RawOutput.of(Samples.read("node/chronyc-tracking-normal.csv"), 0));
        s.put(Sources.TIMEDATECTL, RawOutput.of(Samples.read("node/timedatectl-synced.txt"), 0));
        s.put(Sources.CL_STATUS_HBSTATUS, RawOutput.of("Heartbeat is running on this machine.\n", 0));
        s.put(Sources.CL_STATUS_LISTNODES, RawOutput.of("storage1\nstorage2\n", 0));
        s.put(Sources.CL_STATUS_NODESTATUS + "storage1", RawOutput.of("active\n", 0));
        s.put(Sources.CL_STATUS_NODESTATUS + "storage2", RawOutput.of("dead\n", 0));
        return new AgentReport("storage1", AgentReport.Role.STORAGE, s,
                Optional.of(new Capacity("/srv/nfs", 1000, 250)), List.of(new PortCheck("127.0.0.1", 2049, true)));
    }

    @Test
    void roundTripsThroughJson() {
        AgentReport r = storageReport();
        assertEquals(Reading.of(r), AgentReportCodec.decode(AgentReportCodec.encode(r)));
    }

    @Test
    void parsedWithTheSameParsers() {
        NodeReport n = NodeReports.from(storageReport());
        assertEquals("storage1", n.node());
        assertEquals("r0/0", n.drbd().value().volumes().get(0).key(), "names from events2");
        assertEquals(6.3, n.drbd().value().volumes().get(0).sync().get().percentDone(), 1e-9, "progress from /proc/drbd");
        assertEquals(ReplicationState.ESTABLISHED, n.drbd().value().volumes().get(0).replication());
        assertEquals(8, n.nfsdThreads().value());
        assertEquals("exportfs: exportfs: timed out after 5 s", n.exports().problem());
        assertTrue(n.time().value().synchronised());
        assertEquals("chronyc+timedatectl", n.time().value().source());
        ClusterStatus c = n.cluster().get().value();
        assertEquals(List.of("heartbeat node storage2 is dead"), c.problems());
        assertEquals("database_active: not collected by the agent", n.databaseRunning().problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{\"node\":\"a\",\"role\":\"storage\"}", "{\"node\":\"a\",\"role\":\"boss\",\"sources\":{}}",
        "{\"node\":\"a b\",\"role\":\"storage\",\"sources\":{}}", "{\"node\":\"a\",\"role\":\"storage\",\"sources\":{},\"extra\":1}",
        "{\"node\":\"a\",\"role\":\"storage\",\"sources\":{\"rm -rf\":{\"error\":\"x\"}}}",
        "{\"node\":\"a\",\"role\":\"storage\",\"sources\":{},\"capacity\":{\"mount_point\":\"/\",\"total_bytes\":1,\"used_bytes\":2}}",
        "{\"node\":\"a\",\"role\":\"storage\",\"sources\":{\"proc_drbd\":{\"output\":\"x\"", ""})
    void badAnswersAreUnknown(String json) {
        Reading<AgentReport> r = AgentReportCodec.decode(json);
        assertFalse(r.known());
        assertTrue(r.problem().startsWith("agent report: "), r.problem());
    }
}
