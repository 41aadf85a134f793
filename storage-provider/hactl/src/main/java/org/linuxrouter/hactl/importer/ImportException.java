package org.linuxrouter.hactl.importer;

/** The hand-made setup cannot be expressed as an inventory; the message says which file and what. */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }
}
