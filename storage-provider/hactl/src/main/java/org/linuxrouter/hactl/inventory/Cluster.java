package org.linuxrouter.hactl.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The cluster manager's settings. {@code secretFile} (relative to the inventory file) holds the shared secret:
 * Heartbeat's authkeys key and the seed of Corosync's authkey; it never appears in the inventory itself.
 * {@code stonith} is Pacemaker's stonith-enabled: true needs a fence device the operator adds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"preferredNode", "links", "authMethod", "secretFile", "heartbeat", "stonith"})
public record Cluster(String preferredNode, List<ClusterLink> links, String authMethod, String secretFile,
                      HeartbeatTimings heartbeat, Boolean stonith) {

    public Cluster {
        links = links == null ? List.of() : List.copyOf(links);
        authMethod = authMethod == null ? "sha1" : authMethod;
        heartbeat = heartbeat == null ? HeartbeatTimings.RECIPE : heartbeat;
        stonith = stonith == null || stonith;
    }
}
