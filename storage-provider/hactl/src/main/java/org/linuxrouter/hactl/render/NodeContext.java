package org.linuxrouter.hactl.render;

import org.linuxrouter.hactl.inventory.Inventory;
import org.linuxrouter.hactl.inventory.LoadedInventory;
import org.linuxrouter.hactl.inventory.Node;

/** What every renderer gets: the validated inventory, its secret, and the node being rendered for. */
public record NodeContext(LoadedInventory loaded, Node node) {

    public Inventory inventory() {
        return loaded.inventory();
    }

    public Node peer() {
        return inventory().peerOf(node);
    }

    /** The first lines of every text file hactl writes: who wrote it and where to change it. */
    public String header(String commentPrefix) {
        // no node name: files that are the same on both nodes stay byte-identical, so they can be compared
        return commentPrefix + " Rendered by hactl from inventory '" + inventory().name() + "'.\n" + commentPrefix
                + " Change the inventory and run 'hactl render' again; edits here are overwritten.\n";
    }
}
