package org.linuxrouter.ha.status.report;

import java.util.Objects;

/** A TCP connect made by the agent, e.g. to the local management server's 8080 and 8250. */
public final class PortCheck {
    private final String host;
    private final int port;
    private final boolean open;

    public PortCheck(String host, int port, boolean open) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
        this.host = host;
        this.port = port;
        this.open = open;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public boolean open() {
        return open;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortCheck && ((PortCheck) o).host.equals(host) && ((PortCheck) o).port == port
                && ((PortCheck) o).open == open;
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, open);
    }

    @Override
    public String toString() {
        return host + ":" + port + (open ? " open" : " closed");
    }
}
