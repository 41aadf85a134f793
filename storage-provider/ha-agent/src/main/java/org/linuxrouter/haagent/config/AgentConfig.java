package org.linuxrouter.haagent.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linuxrouter.ha.status.report.AgentReport;

/**
 * The agent's validated configuration ({@code /etc/linuxrouter/ha-agent.conf}). Which sources are read, and from
 * which file or program, is configuration: the packaged defaults read the real ones, tests point them at files
 * they wrote.
 *
 * @param tools absolute path of each program the agent runs, by tool name ("drbdsetup", "ip", ...)
 */
public record AgentConfig(AgentReport.Role role, String nodeName, InetSocketAddress listen, boolean tls,
        Path keyStore, Path secretFile, Optional<String> mountPoint, DrbdSource drbd, Path procDrbd,
        Path nfsdThreads, ClusterSource cluster, TimeSource time, String databaseUnit, List<HostPort> checkPorts,
        Duration commandTimeout, Map<String, Path> tools) {

    /** Which DRBD outputs to read: 8.4 wants events2 (names) plus /proc/drbd (progress); 9 wants JSON. */
    public enum DrbdSource { PROC_EVENTS2, PROC, EVENTS2, JSON, NONE }

    public enum ClusterSource { NONE, HEARTBEAT, PACEMAKER }

    public enum TimeSource { BOTH, CHRONY, TIMEDATECTL, NONE }

    /** A TCP endpoint the agent tries to connect to (the local management server's 8080 and 8250). */
    public record HostPort(String host, int port) {
        @Override
        public String toString() {
            return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
        }
    }

    public AgentConfig {
        tools = Map.copyOf(tools);
        checkPorts = List.copyOf(checkPorts);
    }

    public Path tool(String name) {
        Path p = tools.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no path configured for tool " + name);
        }
        return p;
    }
}
