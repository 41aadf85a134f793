package org.linuxrouter.testkit.uml;

/** The lab could not run: user-mode-linux missing, the guest never reported, the guest setup failed, a timeout. */
public final class UmlException extends RuntimeException {

    public UmlException(String message) {
        super(message);
    }

    public UmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
