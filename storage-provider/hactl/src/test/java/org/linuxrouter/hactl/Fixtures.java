package org.linuxrouter.hactl;

import java.nio.file.Path;
import org.linuxrouter.hactl.inventory.InventoryException;
import org.linuxrouter.hactl.inventory.InventoryLoader;
import org.linuxrouter.hactl.inventory.LoadedInventory;

/** The inventories the tests render: the shipped examples and test-only variants. */
public final class Fixtures {
    public static final Path MODULE = Path.of("").toAbsolutePath();
    public static final Path STORAGE_EXAMPLE = MODULE.resolve("examples/storage-pair.yaml");
    public static final Path MANAGEMENT_EXAMPLE = MODULE.resolve("examples/management-pair.yaml");
    public static final Path STORAGE_PACEMAKER_9 = MODULE.resolve("src/test/resources/inventories/storage-pacemaker-drbd9.yaml");
    public static final Path GOLDEN = MODULE.resolve("src/test/resources/golden");

    private Fixtures() {
    }

    public static LoadedInventory load(Path inventory) {
        try {
            return new InventoryLoader().load(inventory);
        } catch (InventoryException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
