package org.linuxrouter.hactl.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linuxrouter.ha.status.drbd.ConnectionState;
import org.linuxrouter.ha.status.drbd.DiskState;
import org.linuxrouter.ha.status.drbd.DrbdRole;
import org.linuxrouter.ha.status.drbd.DrbdVolume;
import org.linuxrouter.hactl.inventory.DrbdResource;

/**
 * Each DRBD resource is up, connected, UpToDate on both sides, not frozen, and exactly one side is Primary —
 * the storage-ha-anchors health model (§6.2): a lost peer or a resync is DEGRADED, split brain (StandAlone), two
 * or no primaries, suspended I/O or a primary without good data are FAILED.
 */
final class DrbdStateCheck implements Check {

    @Override
    public String name() {
        return "drbd";
    }

    @Override
    public List<Finding> run(DoctorContext ctx) {
        if (!ctx.drbd().known()) {
            return List.of(Finding.of(name(), Severity.FAILED, "cannot read DRBD's state: " + ctx.drbd().problem(),
                    "load the module and bring the resources up (drbdadm up <resource>)"));
        }
        List<Finding> out = new ArrayList<>();
        for (DrbdResource r : ctx.inventory().drbd()) {
            out.add(resource(r, ctx.volumeOf(r)));
        }
        return out;
    }

    private Finding resource(DrbdResource r, Optional<DrbdVolume> found) {
        String n = r.name();
        if (found.isEmpty()) {
            return Finding.of(name(), Severity.FAILED, n + " is not up on this node",
                    "drbdadm up " + n + " (Heartbeat: systemctl enable --now drbd; Pacemaker starts it)");
        }
        DrbdVolume v = found.get();
        String state = n + ": " + v.describe();
        if (v.ioSuspended()) {
            return Finding.of(name(), Severity.FAILED, state + ": I/O is suspended (waiting for fencing)",
                    "resolve the fence-peer handler's wait; then drbdadm resume-io " + n);
        }
        if (v.connection() == ConnectionState.STAND_ALONE) {
            return Finding.of(name(), Severity.FAILED, state + ": StandAlone, not even trying to reach the peer "
                    + "(after a split brain, or disconnected by hand)",
                    "check the kernel log for 'Split-Brain detected'; on the node whose changes are discarded: "
                    + "drbdadm secondary " + n + "; drbdadm connect --discard-my-data " + n
                    + "; on the other: drbdadm connect " + n);
        }
        boolean connected = v.connection() == ConnectionState.CONNECTED;
        if (connected && v.role() == DrbdRole.PRIMARY && v.peerRole() == DrbdRole.PRIMARY) {
            return Finding.of(name(), Severity.FAILED, state + ": both nodes are Primary",
                    "stop the cluster's resources on one node and demote it (drbdadm secondary " + n + ")");
        }
        if (connected && v.role() != DrbdRole.PRIMARY && v.peerRole() != DrbdRole.PRIMARY) {
            return Finding.of(name(), Severity.FAILED, state + ": no node is Primary, nothing is served",
                    "start the cluster's resources (Heartbeat: hb_takeover on the preferred node; "
                    + "Pacemaker: crm resource cleanup)");
        }
        if (v.role() == DrbdRole.PRIMARY && v.disk() != DiskState.UP_TO_DATE) {
            return v.disk() == DiskState.DISKLESS
                    ? Finding.of(name(), Severity.DEGRADED, state + ": the primary lost its disk and serves from the peer",
                            "replace the backing disk, then drbdadm attach " + n)
                    : Finding.of(name(), Severity.FAILED, state + ": the primary's data is not UpToDate",
                            "find the node with UpToDate data and make it primary");
        }
        if (!connected) {
            return Finding.of(name(), Severity.DEGRADED, state + ": the peer is not connected; no redundancy",
                    "bring the peer back up and check the replication link");
        }
        if (v.replication().resyncing() || v.disk() != DiskState.UP_TO_DATE || v.peerDisk() != DiskState.UP_TO_DATE) {
            return Finding.of(name(), Severity.DEGRADED, state + ": not UpToDate on both sides (resync or outdated)",
                    "wait for the resync to finish (cat /proc/drbd)");
        }
        return Finding.ok(name(), state);
    }
}
