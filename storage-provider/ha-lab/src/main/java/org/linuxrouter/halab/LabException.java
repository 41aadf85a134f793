package org.linuxrouter.halab;

/** A lab step that could not be carried out (a VM did not boot, a command failed, a deadline passed). */
public final class LabException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
