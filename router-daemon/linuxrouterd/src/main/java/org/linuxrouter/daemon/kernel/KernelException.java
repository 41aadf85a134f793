package org.linuxrouter.daemon.kernel;

/** The kernel could not be read or talked to at all (as opposed to one step failing). */
public class KernelException extends RuntimeException {
    public KernelException(String message, Throwable cause) {
        super(message, cause);
    }
}
