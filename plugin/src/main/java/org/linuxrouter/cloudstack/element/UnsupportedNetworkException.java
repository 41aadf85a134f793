package org.linuxrouter.cloudstack.element;

/**
 * A network (or NIC) LinuxRouter does not handle, and why: not a VLAN broadcast domain, no IPv4 gateway, an
 * address the router cannot route. The element answers CloudStack "not mine" (false) and logs the message.
 */
public final class UnsupportedNetworkException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnsupportedNetworkException(String message) {
        super(message);
    }

    public UnsupportedNetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
