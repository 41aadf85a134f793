package org.linuxrouter.hactl.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One server of the pair. {@code hostname} must equal the machine's {@code uname -n}: DRBD picks its {@code on}
 * section and Heartbeat/Corosync their node entry by it.
 */
@JsonPropertyOrder({"hostname", "replicationAddress", "managementAddress"})
public record Node(String hostname, String replicationAddress, String managementAddress) {

    /** The node's address on a cluster link's network. */
    public String addressOn(String network) {
        return ClusterLink.MANAGEMENT.equals(network) ? managementAddress : replicationAddress;
    }
}
