package org.linuxrouter.ha.status.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.Samples;

class NodeParsersTest {
    @Test
    void ipAddrFindsTheFloatingIp() {
        List<InterfaceAddress> with = IpAddrParser.parse(Samples.read("node/ip-addr-vip.json")).value();
        assertEquals(Optional.of(new InterfaceAddress("eth0", "10.20.0.10", 24)), IpAddrParser.holder(with, "10.20.0.10"));
        assertTrue(IpAddrParser.holder(with, "2001:db8:0:0::11").isPresent(), "IPv6 compared as an address");
        List<InterfaceAddress> without = IpAddrParser.parse(Samples.read("node/ip-addr-novip.json")).value();
        assertEquals(Optional.empty(), IpAddrParser.holder(without, "10.20.0.10"));
        assertTrue(IpAddrParser.holder(without, "10.20.0.11").isPresent());
        assertEquals(Optional.empty(), IpAddrParser.holder(without, "localhost"), "never resolves names");
    }

    @Test
    void ipAddrMalformed() {
        assertFalse(IpAddrParser.parse("{\"ifname\":\"eth0\"}").known());
        assertFalse(IpAddrParser.parse("[{\"ifname\":\"eth0\",\"addr_info\":[{\"local\":\"10.0.0.1\"").known());
    }

    @Test
    void findmntTreeIsFlattened() {
        List<Mount> mounts = FindmntParser.parse(Samples.read("node/findmnt.json")).value();
        assertEquals(4, mounts.size());
        Mount nfs = FindmntParser.at(mounts, "/srv/nfs").get();
        assertEquals("/dev/mapper/vg_nfs-lv_primary", nfs.source());
        assertEquals("ext4", nfs.fstype());
        assertFalse(nfs.readOnly());
        assertTrue(FindmntParser.at(mounts, "/proc/fs/nfsd").isPresent());
        assertFalse(FindmntParser.parse("{\"filesystems\":[{\"target\":\"/\"}]}").known());
    }

    @Test
    void nfsdThreads() {
        assertEquals(8, NfsdThreadsParser.parse("8\n").value());
        assertEquals(0, NfsdThreadsParser.parse("0\n").value());
        assertFalse(NfsdThreadsParser.parse("eight\n").known());
        assertFalse(NfsdThreadsParser.parse("").known());
    }

    @Test
    void exportfsVerboseBothLayouts() {
        List<NfsExport> ex = ExportfsParser.parse(Samples.read("node/exportfs-v.txt")).value();
        assertEquals(3, ex.size());
        assertEquals("/srv/nfs", ex.get(0).path());
        assertEquals("10.20.0.0/24", ex.get(0).client());
        assertEquals(Optional.of("1"), ex.get(0).fsid());
        assertFalse(ex.get(0).async());
        assertEquals("/srv/nfs/secondary-templates", ex.get(1).path());
        assertEquals(Optional.of("2"), ex.get(1).fsid());
        assertEquals("<world>", ex.get(2).client());
        assertEquals(Optional.empty(), ex.get(2).fsid());
        assertTrue(ex.get(2).async());
    }

    @Test
    void exportfsWithoutOptionsOrTruncatedIsUnknown() {
        Reading<List<NfsExport>> plain = ExportfsParser.parse(Samples.read("node/exportfs-plain.txt"));
        assertTrue(plain.problem().contains("without -v"), plain.problem());
        Reading<List<NfsExport>> cut = ExportfsParser.parse(Samples.read("node/exportfs-truncated.txt"));
        assertTrue(cut.problem().contains("truncated"), cut.problem());
    }

    @Test
    void timedatectl() {
        assertTrue(TimeSyncParser.parseTimedatectl(Samples.read("node/timedatectl-synced.txt")).value().synchronised());
        assertFalse(TimeSyncParser.parseTimedatectl(Samples.read("node/timedatectl-unsynced.txt")).value().synchronised());
        assertFalse(TimeSyncParser.parseTimedatectl("Timezone=UTC\n").known());
        assertFalse(TimeSyncParser.parseTimedatectl("NTPSynchronized=maybe\n").known());
    }

    @Test
    void chronyTracking() {
        TimeSync normal = TimeSyncParser.parseChronyTracking(Samples.read("node/chronyc-tracking-normal.csv")).value();
        assertTrue(normal.synchronised());
        assertEquals(0.000004168, normal.offsetSeconds().getAsDouble(), 1e-12);
        assertEquals(LeapStatus.NORMAL, normal.leap());
        TimeSync leap = TimeSyncParser.parseChronyTracking(Samples.read("node/chronyc-tracking-leap.csv")).value();
        assertEquals(LeapStatus.INSERT_SECOND, leap.leap());
        assertEquals(1.25, leap.offsetSeconds().getAsDouble(), 1e-12, "offset reported as a magnitude");
        TimeSync unsynced = TimeSyncParser.parseChronyTracking(Samples.read("node/chronyc-tracking-unsynced.csv")).value();
        assertFalse(unsynced.synchronised());
        Reading<TimeSync> cut = TimeSyncParser.parseChronyTracking(Samples.read("node/chronyc-tracking-truncated.csv"));
        assertTrue(cut.problem().contains("expected 14"), cut.problem());
    }

    @Test
    void chronyAndTimedatectlCombine() {
        TimeSync c = TimeSyncParser.parseChronyTracking(Samples.read("node/chronyc-tracking-normal.csv")).value();
        TimeSync t = TimeSyncParser.parseTimedatectl(Samples.read("node/timedatectl-unsynced.txt")).value();
        TimeSync both = c.combinedWith(t);
        assertFalse(both.synchronised());
        assertEquals(LeapStatus.NORMAL, both.leap());
        assertTrue(both.offsetSeconds().isPresent());
        assertEquals("chronyc+timedatectl", both.source());
    }
}
