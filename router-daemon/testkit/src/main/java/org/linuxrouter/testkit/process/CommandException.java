package org.linuxrouter.testkit.process;

/** A program could not be started, did not finish in time, or failed where success was required. */
public final class CommandException extends RuntimeException {

    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
