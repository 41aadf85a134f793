package org.linuxrouter.ha.status.drbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.Samples;

class ProcDrbdParserTest {
    private static DrbdVolume only(String sample) {
        Reading<DrbdStatus> r = ProcDrbdParser.parse(Samples.read("proc-drbd/" + sample));
        assertTrue(r.known(), r.problem());
        assertEquals(1, r.value().volumes().size());
        return r.value().volumes().get(0);
    }

    @Test
    void healthyPrimaryFromTheLab() {
        Reading<DrbdStatus> r = ProcDrbdParser.parse(Samples.read("proc-drbd/connected-primary.txt"));
        assertEquals(Optional.of("8.4.11"), r.value().moduleVersion());
        DrbdVolume v = r.value().volumes().get(0);
        assertEquals("minor 0", v.key());
        assertEquals(DrbdRole.PRIMARY, v.role());
        assertEquals(DrbdRole.SECONDARY, v.peerRole());
        assertEquals(DiskState.UP_TO_DATE, v.disk());
        assertEquals(DiskState.UP_TO_DATE, v.peerDisk());
        assertEquals(ConnectionState.CONNECTED, v.connection());
        assertEquals(ReplicationState.ESTABLISHED, v.replication());
        assertFalse(v.ioSuspended());
        assertEquals(0, v.outOfSyncKib().getAsLong());
        assertTrue(v.sync().isEmpty());
    }

    @Test
    void resyncWithPercentageAndEta() {
        DrbdVolume v = only("syncsource.txt");
        assertEquals(ConnectionState.CONNECTED, v.connection());
        assertEquals(ReplicationState.SYNC_SOURCE, v.replication());
        assertEquals(DiskState.INCONSISTENT, v.peerDisk());
        assertEquals(6.3, v.sync().get().percentDone(), 1e-9);
        assertEquals(Duration.ofSeconds(163), v.sync().get().remaining().get());
        assertEquals(65336, v.outOfSyncKib().getAsLong());
        assertEquals("6.3% done, about 0:02:43 left", v.sync().get().describe());
    }

    @Test
    void syncTargetWithWantLine() {
        DrbdVolume v = only("synctarget.txt");
        assertEquals(ReplicationState.SYNC_TARGET, v.replication());
        assertEquals(DiskState.INCONSISTENT, v.disk());
        assertEquals(Duration.ofSeconds(163), v.sync().get().remaining().get());
    }

    @Test
    void waitingForConnectionIsConnecting() {
        DrbdVolume v = only("wfconnection-inconsistent.txt");
        assertEquals(ConnectionState.CONNECTING, v.connection());
        assertEquals(DrbdRole.UNKNOWN, v.peerRole());
        assertEquals(DiskState.DUNKNOWN, v.peerDisk());
        assertEquals(DiskState.INCONSISTENT, v.disk());
        assertFalse(v.ioSuspended(), "flag 's' in the last column is AL-suspended, not I/O-suspended");
    }

    @Test
    void splitBrainStandAloneWithoutProtocolChar() {
        DrbdVolume v = only("standalone-primary.txt");
        assertEquals(ConnectionState.STAND_ALONE, v.connection());
        assertEquals(ReplicationState.OFF, v.replication());
        assertEquals(4096, v.outOfSyncKib().getAsLong());
    }

    @Test
    void disklessAfterDetach() {
        DrbdVolume v = only("diskless-primary.txt");
        assertEquals(DiskState.DISKLESS, v.disk());
        assertEquals(DrbdRole.PRIMARY, v.role());
    }

    @Test
    void suspendedIoFromFirstFlag() {
        assertTrue(only("suspended-primary.txt").ioSuspended());
    }

    @Test
    void unconfiguredMinorsAreSkippedAndGapsTolerated() {
        List<DrbdVolume> vs = ProcDrbdParser.parse(Samples.read("proc-drbd/two-minors.txt")).value().volumes();
        assertEquals(2, vs.size());
        assertEquals(0, vs.get(0).minor().getAsInt());
        assertEquals(3, vs.get(1).minor().getAsInt());
        assertEquals(ConnectionState.CONNECTING, vs.get(1).connection());
    }

    @Test
    void truncatedStateLineIsUnknownWithReason() {
        Reading<DrbdStatus> r = ProcDrbdParser.parse(Samples.read("proc-drbd/truncated-state.txt"));
        assertFalse(r.known());
        assertTrue(r.problem().startsWith("/proc/drbd: minor 0: state line truncated"), r.problem());
    }

    @Test
    void missingCountersLineIsUnknownWithReason() {
        Reading<DrbdStatus> r = ProcDrbdParser.parse(Samples.read("proc-drbd/truncated-counters.txt"));
        assertTrue(r.problem().contains("counters line"), r.problem());
    }

    @Test
    void drbd9ModuleNamesTheReaderToUse() {
        Reading<DrbdStatus> r = ProcDrbdParser.parse(Samples.read("proc-drbd/drbd9.txt"));
        assertTrue(r.problem().contains("drbdsetup status --json"), r.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n", "garbage\n", "version: 8.4.11\n 0: cs:Sideways ro:Primary/Secondary ds:UpToDate/UpToDate C r-----\n    ns:0 nr:0 oos:0\n",
        "version: 8.4.11\n 0: cs:Connected ro:Boss/Secondary ds:UpToDate/UpToDate C r-----\n    ns:0 nr:0 oos:0\n",
        "version: 8.4.11\n 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----\n    ns:0 nr:0 oos:99999999999999999999\n"})
    void malformedInputIsUnknownNeverAnException(String text) {
        Reading<DrbdStatus> r = ProcDrbdParser.parse(text);
        assertFalse(r.known());
        assertTrue(r.problem().startsWith("/proc/drbd: "), r.problem());
    }

    @Test
    void nullInputIsUnknown() {
        assertEquals("/proc/drbd: no output", ProcDrbdParser.parse(null).problem());
    }
}
