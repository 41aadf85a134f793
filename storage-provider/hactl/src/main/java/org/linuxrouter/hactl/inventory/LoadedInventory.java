package org.linuxrouter.hactl.inventory;

import java.util.List;

/**
 * A validated inventory with what it refers to: the shared secret read from {@code cluster.secretFile}, and the
 * validator's warnings (valid but risky choices such as {@code async} exports or md5 authkeys).
 */
public record LoadedInventory(Inventory inventory, String secret, List<String> warnings) {
    public LoadedInventory {
        warnings = List.copyOf(warnings);
    }
}
