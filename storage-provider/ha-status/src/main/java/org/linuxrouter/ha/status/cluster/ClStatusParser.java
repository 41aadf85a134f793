package org.linuxrouter.ha.status.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linuxrouter.ha.status.Malformed;
import org.linuxrouter.ha.status.Parsing;
import org.linuxrouter.ha.status.Reading;

/**
 * Reads Heartbeat's {@code cl_status} (heartbeat 3.0.6, tools/cl_status.c): {@code hbstatus}
 * prints "Heartbeat is running on this machine." or "... stopped ..."; {@code listnodes -n} one normal
 * (non-ping) node per line; {@code nodestatus <node>} one word: active, up, dead, init, ping.
 */
public final class ClStatusParser {
    private static final String RUNNING = "Heartbeat is running on this machine.";
    private static final String STOPPED = "Heartbeat is stopped on this machine.";
    private static final String REFUSED = "Heartbeat is apparently running on this machine, but refuses my connection";

    private ClStatusParser() {
    }

    /** {@code cl_status listnodes -n}: the node names to ask {@code nodestatus} about. */
    public static Reading<List<String>> parseNodeList(String text) {
        return Parsing.guard("cl_status listnodes", text, () -> {
            List<String> nodes = new ArrayList<>();
            for (String line : text.split("\n")) {
                String name = line.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,252}")) {
                    throw new Malformed("'" + name + "' is not a node name");
                }
                nodes.add(name);
            }
            if (nodes.isEmpty()) {
                throw new Malformed("no nodes listed");
            }
            return nodes;
        });
    }

    /**
     * @param hbstatus output of {@code cl_status hbstatus}
     * @param nodeStatus each node's {@code cl_status nodestatus <node>} output, in listnodes order
     */
    public static Reading<ClusterStatus> parse(String hbstatus, Map<String, String> nodeStatus) {
        return Parsing.guard("cl_status", hbstatus, () -> {
            String first = hbstatus.strip().split("\n")[0].strip();
            boolean running;
            if (first.equals(RUNNING)) {
                running = true;
            } else if (first.equals(STOPPED) || first.startsWith(REFUSED)) {
                running = false;
            } else {
                throw new Malformed("hbstatus said '" + first + "'");
            }
            List<ClusterNode> nodes = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            if (!running) {
                problems.add("heartbeat is not running on this node");
                return new ClusterStatus(ClusterStatus.Stack.HEARTBEAT, false, nodes, problems);
            }
            for (Map.Entry<String, String> e : new LinkedHashMap<>(nodeStatus).entrySet()) {
                String word = e.getValue() == null ? "" : e.getValue().strip();
                switch (word) {
                    case "active":
                    case "up":
                    case "ping":
                        nodes.add(new ClusterNode(e.getKey(), true, word));
                        break;
                    case "dead":
                    case "init":
                        nodes.add(new ClusterNode(e.getKey(), false, word));
                        problems.add("heartbeat node " + e.getKey() + " is " + word);
                        break;
                    default:
                        throw new Malformed("nodestatus of " + e.getKey() + " said '" + word + "'");
                }
            }
            return new ClusterStatus(ClusterStatus.Stack.HEARTBEAT, true, nodes, problems);
        });
    }
}
