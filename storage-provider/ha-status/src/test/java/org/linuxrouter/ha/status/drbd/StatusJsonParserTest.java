package org.linuxrouter.ha.status.drbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.Samples;

class StatusJsonParserTest {
    @Test
    void healthyDrbd9Resource() {
        DrbdVolume v = StatusJsonParser.parse(Samples.read("status-json/healthy.json")).value().volumes().get(0);
        assertEquals("r0/0", v.key());
        assertEquals(DrbdRole.PRIMARY, v.role());
        assertEquals(DrbdRole.SECONDARY, v.peerRole());
        assertEquals(ConnectionState.CONNECTED, v.connection());
        assertEquals(ReplicationState.ESTABLISHED, v.replication());
        assertEquals(0, v.outOfSyncKib().getAsLong());
        assertTrue(v.sync().isEmpty());
    }

    @Test
    void resyncPercentAndEstimate() {
        DrbdVolume v = StatusJsonParser.parse(Samples.read("status-json/syncing.json")).value().volumes().get(0);
        assertEquals(ReplicationState.SYNC_SOURCE, v.replication());
        assertEquals(25.0, v.sync().get().percentDone(), 1e-9);
        assertEquals(Duration.ofMinutes(3), v.sync().get().remaining().get());
        assertEquals(DiskState.INCONSISTENT, v.peerDisk());
    }

    @Test
    void the84ModulesRefusalIsExplained() {
        Reading<DrbdStatus> r = StatusJsonParser.parse(Samples.read("status-json/unsupported-84.txt"));
        assertTrue(r.problem().contains("8.4"), r.problem());
    }

    @Test
    void truncatedJsonIsUnknown() {
        assertFalse(StatusJsonParser.parse(Samples.read("status-json/truncated.json")).known());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[1]", "[{\"name\":\"r0\"}]", "[{\"name\":\"r0\",\"role\":\"Primary\",\"devices\":[{\"volume\":0}]}]", "nonsense"})
    void wrongShapesAreUnknown(String json) {
        Reading<DrbdStatus> r = StatusJsonParser.parse(json);
        assertFalse(r.known());
        assertTrue(r.problem().startsWith("drbdsetup status --json: "), r.problem());
    }
}
