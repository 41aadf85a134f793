package org.linuxrouter.hactl.doctor;

import java.util.Optional;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.drbd.DrbdStatus;
import org.linuxrouter.ha.status.drbd.DrbdVolume;
import org.linuxrouter.ha.status.drbd.Events2Parser;
import org.linuxrouter.ha.status.drbd.ProcDrbdParser;
import org.linuxrouter.hactl.inventory.DrbdResource;
import org.linuxrouter.hactl.inventory.Inventory;
import org.linuxrouter.hactl.inventory.LoadedInventory;
import org.linuxrouter.hactl.inventory.Node;

/** What every check sees: the inventory, the node it runs on, the node's files and commands, and DRBD's state. */
public final class DoctorContext {

    private final LoadedInventory loaded;
    private final Node node;
    private final NodeSystem system;
    private Reading<DrbdStatus> drbd;

    public DoctorContext(LoadedInventory loaded, Node node, NodeSystem system) {
        this.loaded = loaded;
        this.node = node;
        this.system = system;
    }

    public LoadedInventory loaded() {
        return loaded;
    }

    public Inventory inventory() {
        return loaded.inventory();
    }

    public Node node() {
        return node;
    }

    public NodeSystem system() {
        return system;
    }

    /**
     * DRBD's state, read once: {@code drbdsetup events2 --now} (names the resources; 8.4 and 9) with /proc/drbd's
     * resync progress merged in, or /proc/drbd alone when events2 is not available.
     */
    public Reading<DrbdStatus> drbd() {
        if (drbd == null) {
            Optional<String> proc = system.read("/proc/drbd");
            Reading<DrbdStatus> fromProc = proc.map(ProcDrbdParser::parse)
                    .orElse(Reading.unknown("/proc/drbd: not present (drbd module not loaded?)"));
            CommandRunner.Result events = system.run("drbdsetup", "events2", "--now");
            Reading<DrbdStatus> fromEvents = events.ok() ? Events2Parser.parse(events.stdout())
                    : Reading.unknown("drbdsetup events2 --now: " + events.error());
            if (fromEvents.known() && !fromEvents.value().volumes().isEmpty()) {
                drbd = fromProc.known() ? Reading.of(fromEvents.value().withProgressFrom(fromProc.value())) : fromEvents;
            } else {
                drbd = fromProc;
            }
        }
        return drbd;
    }

    /** The volume of an inventory resource: by name where the source names resources, else by minor. */
    public Optional<DrbdVolume> volumeOf(DrbdResource r) {
        if (!drbd().known()) {
            return Optional.empty();
        }
        int minor = Integer.parseInt(r.device().substring("/dev/drbd".length()));
        for (DrbdVolume v : drbd().value().volumes()) {
            if (v.resource().isPresent() ? v.resource().get().equals(r.name())
                    : v.minor().isPresent() && v.minor().getAsInt() == minor) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The resource the volume group lives on: its role decides where the chain (and the VIP) must run. */
    public DrbdResource chainResource() {
        return inventory().drbd().stream().filter(r -> r.device().equals(inventory().lvm().physicalVolume()))
                .findFirst().orElse(inventory().drbd().get(0));
    }
}
