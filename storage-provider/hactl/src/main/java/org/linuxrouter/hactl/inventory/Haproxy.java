package org.linuxrouter.hactl.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The load balancer in front of the management servers: the UI/API port (sticky, HTTP) and the agent port
 * (sticky, TCP) on {@code bindAddress}, which must not be a management server's own address (CloudStack listens on
 * the same ports there).
 */
@JsonPropertyOrder({"bindAddress", "httpPort", "agentPort"})
public record Haproxy(String bindAddress, Integer httpPort, Integer agentPort) {

    public Haproxy {
        httpPort = httpPort == null ? 8080 : httpPort;
        agentPort = agentPort == null ? 8250 : agentPort;
    }
}
