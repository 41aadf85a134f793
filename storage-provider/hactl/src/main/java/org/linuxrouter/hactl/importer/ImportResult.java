package org.linuxrouter.hactl.importer;

import java.util.List;
import org.linuxrouter.hactl.inventory.Inventory;

/**
 * What {@code hactl import} found: the inventory, the cluster secret taken from authkeys, and notes on everything
 * hactl will render differently from the hand-made files (so nothing changes silently).
 */
public record ImportResult(Inventory inventory, String secret, List<String> notes) {
    public ImportResult {
        notes = List.copyOf(notes);
    }
}
