package org.linuxrouter.hactl.inventory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an inventory and names the field of every problem. Everything that ends up in a rendered file is checked
 * against a strict pattern here, so no value can break out of its place in a configuration file.
 */
public final class InventoryValidator {

    public record Result(List<String> errors, List<String> warnings) {
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern RESOURCE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");
    private static final Pattern DRBD_DEVICE = Pattern.compile("/dev/drbd([0-9]{1,5})");
    private static final Pattern DEV_PATH = Pattern.compile("/dev/[A-Za-z0-9_./:+-]{1,200}");
    private static final Pattern ABS_PATH = Pattern.compile("/[A-Za-z0-9_./+-]{0,200}");
    private static final Pattern LVM_NAME = Pattern.compile("[A-Za-z0-9+_.][A-Za-z0-9+_.-]{0,126}");
    private static final Pattern OPTION = Pattern.compile("[a-z0-9_]+(=[A-Za-z0-9_:./@-]+)?");
    private static final Pattern IFACE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}");
    private static final Pattern CLIENTS = Pattern.compile("[A-Za-z0-9*?._:-]+(/[0-9]{1,3})?|@[A-Za-z0-9_.-]+");
    private static final Pattern SIZE = Pattern.compile("[0-9]+(\\.[0-9]+)?[bBsSkKmMgGtTpPeE]?");
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
    private static final Pattern PROPERTY_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    private static final Set<String> FILESYSTEMS = Set.of("ext4", "xfs");
    /** db.properties keys hactl computes from the inventory; an inventory may not set them a second way. */
    public static final Set<String> COMPUTED_DB_KEYS = Set.of("cluster.node.IP", "cluster.servlet.port",
            "db.cloud.host", "db.cloud.port", "db.cloud.name", "db.usage.host", "db.usage.port", "db.usage.name",
            "db.ha.enabled", "db.cloud.uri", "db.usage.uri");

    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    public Result validate(Inventory inv) {
        errors.clear();
        warnings.clear();
        if (inv.version() == null || inv.version() != Inventory.CURRENT_VERSION) {
            error("version", "must be " + Inventory.CURRENT_VERSION);
        }
        oneOf("kind", inv.kind(), Set.of(Inventory.STORAGE, Inventory.MANAGEMENT));
        matches("name", inv.name(), NAME, "a cluster name: lower-case letters, digits, '-', at most 32");
        oneOf("stack", inv.stack(), Set.of(Inventory.HEARTBEAT, Inventory.PACEMAKER));
        oneOf("drbdVersion", inv.drbdVersion(), Set.of(Inventory.DRBD_84, Inventory.DRBD_9));
        nodes(inv);
        drbd(inv);
        lvm(inv);
        exports(inv);
        floatingIp(inv);
        cluster(inv);
        managementParts(inv);
        return new Result(List.copyOf(errors), List.copyOf(warnings));
    }

    private void nodes(Inventory inv) {
        if (inv.nodes().size() != 2) {
            error("nodes", "a pair has exactly 2 nodes, found " + inv.nodes().size());
        }
        Set<String> names = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (int i = 0; i < inv.nodes().size(); i++) {
            Node n = inv.nodes().get(i);
            String at = "nodes[" + i + "]";
            if (n == null) {
                error(at, "required");
                continue;
            }
            if (matches(at + ".hostname", n.hostname(), HOSTNAME, "a host name as uname -n prints it")
                    && !names.add(n.hostname())) {
                error(at + ".hostname", "duplicate host name " + n.hostname());
            }
            if (address(at + ".replicationAddress", n.replicationAddress())
                    && !addresses.add(n.replicationAddress())) {
                error(at + ".replicationAddress", "used twice: " + n.replicationAddress());
            }
            if (address(at + ".managementAddress", n.managementAddress())
                    && !n.managementAddress().equals(n.replicationAddress())
                    && !addresses.add(n.managementAddress())) {
                error(at + ".managementAddress", "used twice: " + n.managementAddress());
            }
        }
    }

    private void drbd(Inventory inv) {
        if (inv.drbd().isEmpty()) {
            error("drbd", "at least one DRBD resource is required");
        }
        Set<String> names = new HashSet<>();
        Set<String> devices = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < inv.drbd().size(); i++) {
            DrbdResource r = inv.drbd().get(i);
            String at = "drbd[" + i + "]";
            if (r == null) {
                error(at, "required");
                continue;
            }
            if (matches(at + ".name", r.name(), RESOURCE, "a DRBD resource name") && !names.add(r.name())) {
                error(at + ".name", "duplicate resource " + r.name());
            }
            if (matches(at + ".device", r.device(), DRBD_DEVICE, "/dev/drbdN") && !devices.add(r.device())) {
                error(at + ".device", "duplicate device " + r.device());
            }
            if (matches(at + ".disk", r.disk(), DEV_PATH, "the backing block device, a /dev path")
                    && r.disk().startsWith("/dev/drbd")) {
                error(at + ".disk", "the backing disk cannot itself be a DRBD device");
            }
            if (port(at + ".port", r.port()) && !ports.add(r.port())) {
                error(at + ".port", "port " + r.port() + " used by another resource");
            }
            oneOf(at + ".protocol", r.protocol(), Set.of("A", "B", "C"));
            if (!"C".equals(r.protocol()) && Set.of("A", "B").contains(r.protocol())) {
                warn(at + ".protocol", "protocol " + r.protocol()
                        + " acknowledges writes before the peer's disk has them: a failover can lose them");
            }
        }
    }

    private void lvm(Inventory inv) {
        Lvm lvm = inv.lvm();
        if (lvm == null) {
            error("lvm", "required: the volume group on the DRBD device and its logical volumes");
            return;
        }
        matches("lvm.volumeGroup", lvm.volumeGroup(), LVM_NAME, "an LVM volume group name");
        if (lvm.physicalVolume() == null) {
            error("lvm.physicalVolume", "required: the DRBD device the volume group lives on");
        } else if (inv.drbd().stream().noneMatch(r -> r != null && lvm.physicalVolume().equals(r.device()))) {
            error("lvm.physicalVolume", lvm.physicalVolume() + " is not the device of a drbd resource");
        }
        for (int i = 0; i < lvm.localPhysicalVolumes().size(); i++) {
            String pv = lvm.localPhysicalVolumes().get(i);
            String at = "lvm.localPhysicalVolumes[" + i + "]";
            if (matches(at, pv, DEV_PATH, "a /dev path")) {
                for (DrbdResource r : inv.drbd()) {
                    if (r != null && pv.equals(r.disk())) {
                        error(at, pv + " is the backing disk of DRBD resource " + r.name()
                                + ": LVM must never see it");
                    }
                }
            }
        }
        if (lvm.logicalVolumes().isEmpty()) {
            error("lvm.logicalVolumes", "at least one logical volume is required");
        }
        Set<String> names = new HashSet<>();
        Set<String> mounts = new HashSet<>();
        for (int i = 0; i < lvm.logicalVolumes().size(); i++) {
            LogicalVolume lv = lvm.logicalVolumes().get(i);
            String at = "lvm.logicalVolumes[" + i + "]";
            if (lv == null) {
                error(at, "required");
                continue;
            }
            if (matches(at + ".name", lv.name(), LVM_NAME, "an LVM logical volume name") && !names.add(lv.name())) {
                error(at + ".name", "duplicate logical volume " + lv.name());
            }
            if (lv.size() != null) {
                matches(at + ".size", lv.size(), SIZE, "a size as lvcreate -L takes it, e.g. 250G");
            }
            oneOf(at + ".filesystem", lv.filesystem(), FILESYSTEMS);
            if (absolutePath(at + ".mountPoint", lv.mountPoint()) && !mounts.add(lv.mountPoint())) {
                error(at + ".mountPoint", "duplicate mount point " + lv.mountPoint());
            }
            for (int j = 0; j < lv.mountOptions().size(); j++) {
                matches(at + ".mountOptions[" + j + "]", lv.mountOptions().get(j), OPTION, "one mount option");
            }
        }
    }

    private void exports(Inventory inv) {
        if (inv.isManagement() && !inv.exports().isEmpty()) {
            error("exports", "the management pair exports nothing over NFS");
        }
        if (inv.isStorage() && inv.exports().isEmpty()) {
            error("exports", "the storage pair needs at least one export");
        }
        Set<Integer> fsids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < inv.exports().size(); i++) {
            NfsExport e = inv.exports().get(i);
            String at = "exports[" + i + "]";
            if (e == null) {
                error(at, "required");
                continue;
            }
            if (absolutePath(at + ".path", e.path()) && inv.lvm() != null
                    && inv.lvm().logicalVolumes().stream().noneMatch(lv -> lv != null && lv.mountPoint() != null
                            && (e.path().equals(lv.mountPoint()) || e.path().startsWith(lv.mountPoint() + "/")))) {
                error(at + ".path", e.path() + " is not on a logical volume's mount point: after a failover it "
                        + "would export the standby's empty directory");
            }
            if (matches(at + ".clients", e.clients(), CLIENTS, "a host, wildcard, @netgroup or network/prefix")) {
                if (e.clients().equals("*")) {
                    warn(at + ".clients", "'*' gives every host root on the export (no_root_squash): "
                            + "name the hypervisors' storage network");
                }
                if (!keys.add(e.path() + " " + e.clients())) {
                    error(at, "duplicate export of " + e.path() + " to " + e.clients());
                }
            }
            for (int j = 0; j < e.options().size(); j++) {
                String o = e.options().get(j);
                String oat = at + ".options[" + j + "]";
                if (matches(oat, o, OPTION, "one exports(5) option")) {
                    if (o.equals("sync") || o.equals("async")) {
                        error(oat, "use the export's 'async' field, not an option");
                    } else if (o.startsWith("fsid")) {
                        error(oat, "use the export's 'fsid' field, not an option");
                    }
                }
            }
            if (e.fsid() == null) {
                error(at + ".fsid", "required: without a fixed fsid clients get stale file handles after a failover");
            } else if (e.fsid() < 1) {
                error(at + ".fsid", "must be at least 1 (fsid=0 makes the export the NFSv4 pseudo-root)");
            } else if (!fsids.add(e.fsid()) && !sameDirectory(inv, e)) {
                error(at + ".fsid", "fsid " + e.fsid() + " is used by another export");
            }
            if (e.async()) {
                warn(at + ".async", "async: the server acknowledges writes before they reach DRBD; "
                        + "a failover loses writes the clients were told are durable");
            }
        }
    }

    /** The same directory exported to two client sets keeps one fsid: it is one file system. */
    private static boolean sameDirectory(Inventory inv, NfsExport e) {
        return inv.exports().stream().filter(o -> o != null && o != e && e.fsid().equals(o.fsid()))
                .allMatch(o -> e.path().equals(o.path()));
    }

    private void floatingIp(Inventory inv) {
        FloatingIp ip = inv.floatingIp();
        if (ip == null) {
            error("floatingIp", "required");
            return;
        }
        if (address("floatingIp.address", ip.address())) {
            for (Node n : inv.nodes()) {
                if (n != null && (ip.address().equals(n.replicationAddress())
                        || ip.address().equals(n.managementAddress()))) {
                    error("floatingIp.address", ip.address() + " is node " + n.hostname() + "'s own address");
                }
            }
        }
        if (inv.usesHeartbeat() && ip.address() != null && ip.address().contains(":")) {
            error("floatingIp.address", "Heartbeat's IPaddr script is IPv4 only; use the pacemaker stack");
        }
        int max = ip.address() != null && ip.address().contains(":") ? 128 : 32;
        if (ip.prefix() == null || ip.prefix() < 1 || ip.prefix() > max) {
            error("floatingIp.prefix", "required, 1.." + max);
        }
        matches("floatingIp.interface", ip.iface(), IFACE, "a network interface name");
    }

    private void cluster(Inventory inv) {
        Cluster c = inv.cluster();
        if (c == null) {
            error("cluster", "required");
            return;
        }
        if (c.preferredNode() != null && inv.node(c.preferredNode()) == null) {
            error("cluster.preferredNode", c.preferredNode() + " is not one of the nodes");
        }
        if (c.links().isEmpty()) {
            error("cluster.links", "at least one cluster communication path is required");
        } else if (c.links().size() == 1) {
            warn("cluster.links", "one communication path: a NIC or switch fault cuts the heartbeat and the nodes "
                    + "both promote (split brain); add a second link");
        }
        Set<String> networks = new HashSet<>();
        for (int i = 0; i < c.links().size(); i++) {
            ClusterLink l = c.links().get(i);
            String at = "cluster.links[" + i + "]";
            if (l == null) {
                error(at, "required");
                continue;
            }
            if (inv.usesHeartbeat()) {
                matches(at + ".interface", l.iface(), IFACE, "the network interface Heartbeat sends on");
            } else if (l.iface() != null) {
                matches(at + ".interface", l.iface(), IFACE, "a network interface name");
            }
            if (oneOf(at + ".network", l.network(), Set.of(ClusterLink.REPLICATION, ClusterLink.MANAGEMENT))
                    && !networks.add(l.network() + "/" + l.iface())) {
                error(at, "duplicate link");
            }
            if (oneOf(at + ".mode", l.mode(), Set.of(ClusterLink.UCAST, ClusterLink.BCAST))
                    && l.mode().equals(ClusterLink.BCAST) && inv.usesPacemaker()) {
                error(at + ".mode", "bcast is a Heartbeat medium; Corosync links are unicast (knet)");
            }
        }
        if (oneOf("cluster.authMethod", c.authMethod(), Set.of("sha1", "md5")) && c.authMethod().equals("md5")) {
            warn("cluster.authMethod", "md5 is the weakest HMAC Heartbeat offers; use sha1");
        }
        if (c.secretFile() == null || c.secretFile().isBlank()) {
            error("cluster.secretFile", "required: a file next to the inventory holding the cluster secret");
        }
        HeartbeatTimings t = c.heartbeat();
        if (t.keepalive() < 1 || t.warntime() <= t.keepalive() || t.deadtime() <= t.warntime()
                || t.initdead() < t.deadtime()) {
            error("cluster.heartbeat", "need 1 <= keepalive < warntime < deadtime <= initdead");
        }
        if (inv.usesPacemaker() && !c.stonith()) {
            warn("cluster.stonith", "stonith disabled: nothing stops both nodes from promoting after a split; "
                    + "for labs only");
        }
    }

    private void managementParts(Inventory inv) {
        if (inv.isStorage()) {
            if (inv.database() != null) {
                error("database", "only the management pair has a database");
            }
            if (inv.haproxy() != null) {
                error("haproxy", "only the management pair has a load balancer");
            }
            return;
        }
        if (!inv.isManagement()) {
            return;
        }
        Database db = inv.database();
        if (db == null) {
            error("database", "required for the management pair");
        } else {
            matches("database.service", db.service(), SERVICE, "a systemd service name");
            port("database.port", db.port());
            matches("database.cloudDatabase", db.cloudDatabase(), RESOURCE, "a database name");
            matches("database.usageDatabase", db.usageDatabase(), RESOURCE, "a database name");
            port("database.clusterServletPort", db.clusterServletPort());
            for (Map.Entry<String, String> p : db.properties().entrySet()) {
                String at = "database.properties." + p.getKey();
                if (!PROPERTY_KEY.matcher(p.getKey()).matches()) {
                    error(at, "not a db.properties key");
                } else if (COMPUTED_DB_KEYS.contains(p.getKey())) {
                    error(at, "hactl computes this key from the inventory");
                } else if (p.getValue() == null || !p.getValue().matches("[\\x20-\\x7e]*")) {
                    error(at, "must be one line of printable ASCII");
                }
            }
        }
        Haproxy h = inv.haproxy();
        if (h != null) {
            if (address("haproxy.bindAddress", h.bindAddress())) {
                for (Node n : inv.nodes()) {
                    if (n != null && h.bindAddress().equals(n.managementAddress())) {
                        error("haproxy.bindAddress", "is " + n.hostname()
                                + "'s management address, where CloudStack itself listens");
                    }
                }
            }
            port("haproxy.httpPort", h.httpPort());
            port("haproxy.agentPort", h.agentPort());
        }
    }

    private boolean address(String at, String value) {
        if (value == null) {
            error(at, "required");
            return false;
        }
        if (!isIpLiteral(value)) {
            error(at, "not an IP address: " + value);
            return false;
        }
        return true;
    }

    /** True for an IPv4 dotted quad or an IPv6 literal; never resolves a name. */
    public static boolean isIpLiteral(String value) {
        if (value.matches("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}")) {
            return true;
        }
        if (!value.matches("[0-9A-Fa-f:]+") || !value.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(value) instanceof java.net.Inet6Address; // a literal with ':' is never looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private boolean port(String at, Integer value) {
        if (value == null || value < 1 || value > 65535) {
            error(at, "required, 1..65535");
            return false;
        }
        return true;
    }

    private boolean absolutePath(String at, String value) {
        if (!matches(at, value, ABS_PATH, "an absolute path")) {
            return false;
        }
        if (value.contains("/../") || value.endsWith("/..") || value.contains("//")
                || (value.length() > 1 && value.endsWith("/"))) {
            error(at, "must be a normalised absolute path");
            return false;
        }
        return true;
    }

    private boolean matches(String at, String value, Pattern pattern, String what) {
        if (value == null) {
            error(at, "required (" + what + ")");
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            error(at, "'" + printable(value) + "' is not " + what);
            return false;
        }
        return true;
    }

    private boolean oneOf(String at, String value, Set<String> allowed) {
        if (value == null) {
            error(at, "required, one of " + new java.util.TreeSet<>(allowed));
            return false;
        }
        if (!allowed.contains(value)) {
            error(at, "'" + printable(value) + "' is not one of " + new java.util.TreeSet<>(allowed));
            return false;
        }
        return true;
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private void error(String at, String message) {
        errors.add(at + ": " + message);
    }

    private void warn(String at, String message) {
        warnings.add(at + ": " + message);
    }
}
