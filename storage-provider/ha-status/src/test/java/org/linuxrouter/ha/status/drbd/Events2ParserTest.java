package org.linuxrouter.ha.status.drbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.Samples;

class Events2ParserTest {
    private static DrbdVolume only(String sample) {
        Reading<DrbdStatus> r = Events2Parser.parse(Samples.read("events2/" + sample));
        assertTrue(r.known(), r.problem());
        assertEquals(1, r.value().volumes().size());
        return r.value().volumes().get(0);
    }

    @Test
    void capturedHealthyPrimaryOn84() {
        DrbdVolume v = only("connected-primary.txt");
        assertEquals("r0/0", v.key());
        assertEquals(0, v.minor().getAsInt());
        assertEquals(DrbdRole.PRIMARY, v.role());
        assertEquals(DrbdRole.SECONDARY, v.peerRole());
        assertEquals(ConnectionState.CONNECTED, v.connection());
        assertEquals(ReplicationState.ESTABLISHED, v.replication());
        assertEquals(DiskState.UP_TO_DATE, v.peerDisk());
        assertEquals("r0/0 Primary/Secondary UpToDate/UpToDate Connected", v.describe());
    }

    @Test
    void disconnectedPeer() {
        DrbdVolume v = only("connecting-primary.txt");
        assertEquals(ConnectionState.CONNECTING, v.connection());
        assertEquals(DrbdRole.UNKNOWN, v.peerRole());
        assertEquals(DiskState.DUNKNOWN, v.peerDisk());
        assertEquals(ReplicationState.OFF, v.replication());
    }

    @Test
    void standAlone() {
        assertEquals(ConnectionState.STAND_ALONE, only("standalone-primary.txt").connection());
    }

    @Test
    void drbd9WithPathsExtraKeysAndTwoVolumes() {
        List<DrbdVolume> vs = Events2Parser.parse(Samples.read("events2/drbd9-two-volumes.txt")).value().volumes();
        assertEquals(2, vs.size());
        assertEquals("vm/1", vs.get(1).key());
        assertEquals(11, vs.get(1).minor().getAsInt());
        assertEquals(ReplicationState.SYNC_TARGET, vs.get(1).replication());
        assertEquals(42.1, vs.get(1).sync().get().percentDone(), 1e-9);
        assertEquals(DrbdRole.PRIMARY, vs.get(0).peerRole());
    }

    @Test
    void progressFromProcDrbdIsMergedByMinor() {
        DrbdStatus events = Events2Parser.parse(Samples.read("events2/connected-primary.txt")).value();
        DrbdStatus proc = ProcDrbdParser.parse(Samples.read("proc-drbd/syncsource.txt")).value();
        DrbdVolume merged = events.withProgressFrom(proc).volumes().get(0);
        assertEquals("r0/0", merged.key());
        assertEquals(6.3, merged.sync().get().percentDone(), 1e-9);
        assertEquals(65336, merged.outOfSyncKib().getAsLong());
        assertEquals("8.4.11", events.withProgressFrom(proc).moduleVersion().get());
    }

    @Test
    void truncatedOutputWithoutEndMarkerIsUnknown() {
        Reading<DrbdStatus> r = Events2Parser.parse(Samples.read("events2/truncated.txt"));
        assertFalse(r.known());
        assertTrue(r.problem().contains("truncated") || r.problem().contains("missing"), r.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"change resource name:r0 role:Primary\nexists -\n", "exists -\nexists resource name:r0 role:Primary\n",
        "exists device name:r0 volume:0 minor:0 disk:UpToDate\nexists -\n", "exists resource role:Primary\nexists -\n",
        "exists resource name:r0 role:Primary\nexists device name:r0 volume:x minor:0 disk:UpToDate\nexists -\n",
        "exists resource name:r0 role:Primary\nexists device name:r0 volume:0 minor:0 disk:Great\nexists -\n",
        "exists resource name:r0 role Primary\nexists -\n"})
    void malformedInputIsUnknown(String text) {
        Reading<DrbdStatus> r = Events2Parser.parse(text);
        assertFalse(r.known());
        assertTrue(r.problem().startsWith("drbdsetup events2 --now: "), r.problem());
    }
}
