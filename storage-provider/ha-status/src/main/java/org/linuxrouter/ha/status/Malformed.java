package org.linuxrouter.ha.status;

/** Thrown inside a parser only; {@link Parsing#guard} turns it (and any other runtime failure) into a Reading. */
public final class Malformed extends RuntimeException {
    public Malformed(String message) {
        super(message, null, false, false);
    }
}
