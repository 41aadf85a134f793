package org.linuxrouter.hactl.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The service address that follows the primary: what NFS clients mount, or the database host of the management servers. */
@JsonPropertyOrder({"address", "prefix", "interface"})
public record FloatingIp(String address, Integer prefix, @com.fasterxml.jackson.annotation.JsonProperty("interface") String iface) {
}
