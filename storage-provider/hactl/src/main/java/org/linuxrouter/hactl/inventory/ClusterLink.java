package org.linuxrouter.hactl.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One cluster communication path. {@code network} says which node address is on it ({@code replication} or
 * {@code management}); {@code interface} is the local device Heartbeat sends on; {@code mode} is Heartbeat's
 * medium ({@code ucast} to the peer's address, or {@code bcast} as the recipe did). Corosync uses the addresses only.
 */
@JsonPropertyOrder({"interface", "network", "mode"})
public record ClusterLink(@com.fasterxml.jackson.annotation.JsonProperty("interface") String iface, String network,
                          String mode) {

    public static final String REPLICATION = "replication";
    public static final String MANAGEMENT = "management";
    public static final String UCAST = "ucast";
    public static final String BCAST = "bcast";

    public ClusterLink {
        network = network == null ? REPLICATION : network;
        mode = mode == null ? UCAST : mode;
    }
}
