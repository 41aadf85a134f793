package org.linuxrouter.rtnetlink.wire;

/** Bytes that do not form valid netlink messages or attributes: a kernel/library mismatch, never user error. */
public final class WireFormatException extends RuntimeException {
    public WireFormatException(String message) {
        super(message);
    }
}
