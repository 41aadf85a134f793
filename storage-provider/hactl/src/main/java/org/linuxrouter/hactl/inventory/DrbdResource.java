package org.linuxrouter.hactl.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A DRBD resource replicated between the two nodes; {@code disk} is the backing device, the same path on both. */
@JsonPropertyOrder({"name", "device", "disk", "port", "protocol"})
public record DrbdResource(String name, String device, String disk, Integer port, String protocol) {

    public DrbdResource {
        // Protocol C is the only one that acknowledges a write once both disks have it: the point of the pair.
        protocol = protocol == null ? "C" : protocol;
    }
}
