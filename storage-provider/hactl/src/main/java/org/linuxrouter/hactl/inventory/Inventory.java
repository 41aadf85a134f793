package org.linuxrouter.hactl.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One HA pair as the operator describes it: the storage pair (DRBD, LVM, ext4, NFS) or the management-server pair
 * (the same chain carrying MySQL's datadir, plus db.properties and haproxy). The schema is documented in docs/ha.md;
 * {@link InventoryValidator} is the authority on what is allowed, and names the field of every error.
 *
 * <p>Values are kept as the file spelled them (strings for enums) so that the validator, not the YAML binder,
 * reports bad values with their path.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"version", "kind", "name", "stack", "drbdVersion", "nodes", "drbd", "lvm", "exports",
        "floatingIp", "cluster", "database", "haproxy"})
public record Inventory(
        Integer version,
        String kind,
        String name,
        String stack,
        String drbdVersion,
        List<Node> nodes,
        List<DrbdResource> drbd,
        Lvm lvm,
        List<NfsExport> exports,
        FloatingIp floatingIp,
        Cluster cluster,
        Database database,
        Haproxy haproxy) {

    public static final int CURRENT_VERSION = 1;
    public static final String STORAGE = "storage";
    public static final String MANAGEMENT = "management";
    public static final String HEARTBEAT = "heartbeat";
    public static final String PACEMAKER = "pacemaker";
    public static final String DRBD_84 = "8.4";
    public static final String DRBD_9 = "9";

    public Inventory {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        drbd = drbd == null ? List.of() : List.copyOf(drbd);
        exports = exports == null ? List.of() : List.copyOf(exports);
        // Debian 12's kernel ships the 8.4 module: the default is what an operator on Debian 12 has.
        drbdVersion = drbdVersion == null ? DRBD_84 : drbdVersion;
    }

    @JsonIgnore
    public boolean isStorage() {
        return STORAGE.equals(kind);
    }

    @JsonIgnore
    public boolean isManagement() {
        return MANAGEMENT.equals(kind);
    }

    @JsonIgnore
    public boolean usesHeartbeat() {
        return HEARTBEAT.equals(stack);
    }

    @JsonIgnore
    public boolean usesPacemaker() {
        return PACEMAKER.equals(stack);
    }

    @JsonIgnore
    public boolean isDrbd9() {
        return DRBD_9.equals(drbdVersion);
    }

    /** The node with this hostname, or null. */
    public Node node(String hostname) {
        return nodes.stream().filter(n -> n.hostname().equals(hostname)).findFirst().orElse(null);
    }

    /** The other node of the pair. */
    public Node peerOf(Node node) {
        return nodes.stream().filter(n -> !n.hostname().equals(node.hostname())).findFirst().orElseThrow();
    }
}
