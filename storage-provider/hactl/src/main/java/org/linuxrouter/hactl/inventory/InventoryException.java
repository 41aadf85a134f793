package org.linuxrouter.hactl.inventory;

import java.util.List;

/** The inventory could not be read or is invalid; every error names its field ({@code nodes[1].replicationAddress: ...}). */
public final class InventoryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> errors;

    public InventoryException(String source, List<String> errors) {
        super(source + ": " + errors.size() + " error(s):\n  " + String.join("\n  ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
