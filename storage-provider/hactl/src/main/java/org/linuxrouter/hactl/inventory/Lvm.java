package org.linuxrouter.hactl.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The volume group on the DRBD device and its logical volumes. {@code localPhysicalVolumes} are the PVs outside
 * DRBD a node still needs LVM to see (a root VG); everything else is filtered out so LVM never opens the backing
 * disk behind DRBD's back.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"volumeGroup", "physicalVolume", "localPhysicalVolumes", "logicalVolumes"})
public record Lvm(String volumeGroup, String physicalVolume, List<String> localPhysicalVolumes,
                  List<LogicalVolume> logicalVolumes) {

    public Lvm {
        localPhysicalVolumes = localPhysicalVolumes == null ? List.of() : List.copyOf(localPhysicalVolumes);
        logicalVolumes = logicalVolumes == null ? List.of() : List.copyOf(logicalVolumes);
    }
}
