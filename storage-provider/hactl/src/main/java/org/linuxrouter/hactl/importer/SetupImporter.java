package org.linuxrouter.hactl.importer;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.linuxrouter.hactl.files.Authkeys;
import org.linuxrouter.hactl.files.ConfigFileException;
import org.linuxrouter.hactl.files.DrbdRes;
import org.linuxrouter.hactl.files.EtcExports;
import org.linuxrouter.hactl.files.HaCf;
import org.linuxrouter.hactl.files.Haresources;
import org.linuxrouter.hactl.inventory.Cluster;
import org.linuxrouter.hactl.inventory.ClusterLink;
import org.linuxrouter.hactl.inventory.Database;
import org.linuxrouter.hactl.inventory.DrbdResource;
import org.linuxrouter.hactl.inventory.FloatingIp;
import org.linuxrouter.hactl.inventory.HeartbeatTimings;
import org.linuxrouter.hactl.inventory.Inventory;
import org.linuxrouter.hactl.inventory.InventoryValidator;
import org.linuxrouter.hactl.inventory.LogicalVolume;
import org.linuxrouter.hactl.inventory.Lvm;
import org.linuxrouter.hactl.inventory.NfsExport;
import org.linuxrouter.hactl.inventory.Node;

/**
 * Reads a hand-made Heartbeat pair as the recipe builds it — {@code /etc/drbd.d/*.res}, {@code /etc/ha.d/ha.cf},
 * {@code haresources}, {@code authkeys}, {@code /etc/exports} and (management pair) {@code db.properties} — under a
 * root directory, into an inventory. Management addresses are in none of those files, so the caller gives them.
 */
public final class SetupImporter {

    private static final String DB_PROPERTIES = "/etc/cloudstack/management/db.properties";

    private final Path root;
    private final List<String> notes = new ArrayList<>();

    public SetupImporter(Path root) {
        this.root = root;
    }

    /**
     * @param name               the inventory's cluster name
     * @param managementAddresses host name to management address, one per node
     * @param drbdVersion        the dialect to render ("8.4" or "9"); the files do not say
     */
    public ImportResult importSetup(String name, Map<String, String> managementAddresses, String drbdVersion,
                                    String secretFile) throws ImportException {
        List<DrbdRes.Resource> resources = drbdResources();
        HaCf haCf = parse("/etc/ha.d/ha.cf", HaCf::parse);
        List<Haresources.Group> groups = parse("/etc/ha.d/haresources", Haresources::parse);
        Authkeys.Active auth = parse("/etc/ha.d/authkeys", Authkeys::parse);
        if (groups.size() != 1) {
            throw new ImportException("/etc/ha.d/haresources: expected one resource group, found " + groups.size());
        }
        Haresources.Group group = groups.get(0);

        List<Node> nodes = nodes(resources, haCf, managementAddresses);
        List<DrbdResource> drbd = new ArrayList<>();
        for (DrbdRes.Resource r : resources) {
            drbd.add(drbdResource(r));
        }
        Chain chain = chain(group, drbd);
        String kind = chain.service.equals("nfs") ? Inventory.STORAGE : Inventory.MANAGEMENT;
        List<NfsExport> exports = kind.equals(Inventory.STORAGE) ? exports() : List.of();
        Database database = kind.equals(Inventory.MANAGEMENT) ? database(chain, managementAddresses) : null;
        Cluster cluster = new Cluster(group.preferredNode(), links(haCf, nodes), authMethod(auth), secretFile,
                timings(haCf), null);
        if ("on".equals(haCf.setting("auto_failback"))) {
            notes.add("ha.cf: auto_failback on becomes off (no second failover when the old primary returns)");
        }
        Inventory inv = new Inventory(Inventory.CURRENT_VERSION, kind, name, Inventory.HEARTBEAT, drbdVersion, nodes,
                drbd, chain.lvm, exports, chain.floatingIp, cluster, database, null);
        InventoryValidator.Result check = new InventoryValidator().validate(inv);
        if (!check.errors().isEmpty()) {
            throw new ImportException("the imported setup is not a valid inventory:\n  "
                    + String.join("\n  ", check.errors()));
        }
        String secret = auth.secret().isEmpty() ? null : auth.secret();
        if (secret == null) {
            throw new ImportException("/etc/ha.d/authkeys: the active key (" + auth.method()
                    + ") has no secret; write one with sha1 first");
        }
        return new ImportResult(inv, secret, notes);
    }

    private List<DrbdRes.Resource> drbdResources() throws ImportException {
        List<DrbdRes.Resource> out = new ArrayList<>();
        Path dir = root.resolve("etc/drbd.d");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".res")).sorted().toList();
        } catch (IOException e) {
            throw new ImportException("/etc/drbd.d: cannot list (" + e.getClass().getSimpleName() + ")");
        }
        for (Path f : files) {
            out.addAll(parse("/etc/drbd.d/" + f.getFileName(), DrbdRes::parse));
        }
        if (out.isEmpty()) {
            throw new ImportException("/etc/drbd.d: no resource files (*.res)");
        }
        return out;
    }

    private List<Node> nodes(List<DrbdRes.Resource> resources, HaCf haCf, Map<String, String> management)
            throws ImportException {
        DrbdRes.Resource first = resources.get(0);
        if (first.hosts().size() != 2) {
            throw new ImportException("resource " + first.name() + ": a pair has two 'on' sections, found "
                    + first.hosts().size());
        }
        List<Node> nodes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (DrbdRes.Host h : first.hosts()) {
            String mgmt = management.get(h.name());
            if (mgmt == null) {
                missing.add(h.name());
            }
            nodes.add(new Node(h.name(), h.address(), mgmt));
        }
        if (!missing.isEmpty()) {
            throw new ImportException("no management address for " + missing + ": give --management-address "
                    + missing.get(0) + "=<IP> for each node (the hand-made files do not name them)");
        }
        Set<String> unknown = new HashSet<>(management.keySet());
        nodes.forEach(n -> unknown.remove(n.hostname()));
        if (!unknown.isEmpty()) {
            throw new ImportException("--management-address names " + unknown + ", which are not DRBD 'on' names "
                    + nodes.stream().map(Node::hostname).toList());
        }
        for (DrbdRes.Resource r : resources) {
            for (DrbdRes.Host h : r.hosts()) {
                Node n = nodes.stream().filter(x -> x.hostname().equals(h.name())).findFirst().orElse(null);
                if (n == null || !n.replicationAddress().equals(h.address())) {
                    throw new ImportException("resource " + r.name() + ": 'on " + h.name() + "' at " + h.address()
                            + " does not match resource " + first.name() + "'s hosts and addresses");
                }
            }
        }
        if (!new HashSet<>(haCf.nodes()).equals(new HashSet<>(nodes.stream().map(Node::hostname).toList()))) {
            throw new ImportException("ha.cf nodes " + haCf.nodes() + " are not DRBD's 'on' names "
                    + nodes.stream().map(Node::hostname).toList() + ": they must be the same (uname -n)");
        }
        return nodes;
    }

    private DrbdResource drbdResource(DrbdRes.Resource r) throws ImportException {
        DrbdRes.Host a = r.hosts().get(0);
        DrbdRes.Host b = r.hosts().get(1);
        if (!a.device().equals(b.device()) || !a.disk().equals(b.disk()) || a.port() != b.port()) {
            throw new ImportException("resource " + r.name() + ": hactl needs the same device, backing disk and "
                    + "port on both nodes");
        }
        if (r.protocol() == null) {
            notes.add("resource " + r.name() + ": no protocol given (DRBD's default is C); rendered as protocol C");
        }
        return new DrbdResource(r.name(), a.device(), a.disk(), a.port(), r.protocol());
    }

    /** The haresources chain: floating IP, DRBD disks, volume group, file systems, and the service at the end. */
    private static final class Chain {
        FloatingIp floatingIp;
        Lvm lvm;
        String service;
        String databaseService;
    }

    private Chain chain(Haresources.Group group, List<DrbdResource> drbd) throws ImportException {
        Chain c = new Chain();
        String vg = null;
        String drbdDevice = null;
        List<LogicalVolume> lvs = new ArrayList<>();
        for (Haresources.Resource r : group.resources()) {
            switch (r.script()) {
                case "IPaddr":
                case "IPaddr2":
                    c.floatingIp = floatingIp(r);
                    if (r != group.resources().get(group.resources().size() - 1)) {
                        notes.add("haresources: the floating IP moves to the end of the chain (" + r.script()
                                + " becomes IPaddr2), so clients reach the node only once the service is up");
                    }
                    break;
                case "drbddisk": {
                    String res = r.args().isEmpty() ? drbd.get(0).name() : r.args().get(0);
                    DrbdResource found = drbd.stream().filter(d -> d.name().equals(res)).findFirst()
                            .orElseThrow(() -> new ImportException("haresources: drbddisk::" + res
                                    + " names no resource in /etc/drbd.d"));
                    drbdDevice = drbdDevice == null ? found.device() : drbdDevice;
                    break;
                }
                case "lvm2":
                    notes.add("haresources: 'lvm2' (no init script on Debian 12) becomes Heartbeat's LVM::<vg>");
                    break;
                case "LVM":
                    if (r.args().size() != 1) {
                        throw new ImportException("haresources: LVM needs one volume group: " + r);
                    }
                    vg = r.args().get(0);
                    break;
                case "Filesystem": {
                    LogicalVolume lv = logicalVolume(r);
                    String lvVg = volumeGroupOf(r.args().get(0));
                    if (vg != null && !vg.equals(lvVg)) {
                        throw new ImportException("haresources: " + r + " is not in volume group " + vg);
                    }
                    vg = lvVg;
                    lvs.add(lv);
                    break;
                }
                case "nfs-common":
                    notes.add("haresources: 'nfs-common' is dropped (masked on Debian 12; nfs-server starts what it needs)");
                    break;
                case "nfs-kernel-server":
                case "nfs-server":
                    c.service = "nfs";
                    break;
                case "mysql":
                case "mariadb":
                    c.service = "database";
                    c.databaseService = "mariadb";
                    if (r.script().equals("mysql")) {
                        notes.add("haresources: 'mysql' becomes 'mariadb' (Debian 12's init script and unit)");
                    }
                    break;
                default:
                    throw new ImportException("haresources: hactl cannot represent resource '" + r + "'");
            }
        }
        if (c.floatingIp == null) {
            throw new ImportException("haresources: no IPaddr/IPaddr2 floating IP");
        }
        if (drbdDevice == null) {
            throw new ImportException("haresources: no drbddisk resource");
        }
        if (vg == null || lvs.isEmpty()) {
            throw new ImportException("haresources: no Filesystem on an LVM logical volume (hactl inventories put "
                    + "the file systems on LVM on DRBD, as the recipe does)");
        }
        if (c.service == null) {
            throw new ImportException("haresources: the chain ends in neither nfs-kernel-server nor mysql/mariadb");
        }
        c.lvm = new Lvm(vg, drbdDevice, List.of(), lvs);
        return c;
    }

    private static FloatingIp floatingIp(Haresources.Resource r) throws ImportException {
        String[] parts = r.args().isEmpty() ? new String[0] : r.args().get(0).split("/");
        if (parts.length < 3) {
            throw new ImportException("haresources: " + r + ": hactl needs address/prefix/interface");
        }
        if (!parts[1].matches("[0-9]{1,3}")) {
            throw new ImportException("haresources: " + r + ": prefix '" + parts[1] + "' is not a number");
        }
        return new FloatingIp(parts[0], Integer.valueOf(parts[1]), parts[2]);
    }

    private static LogicalVolume logicalVolume(Haresources.Resource r) throws ImportException {
        List<String> a = r.args();
        if (a.size() < 3) {
            throw new ImportException("haresources: " + r + ": expected Filesystem::device::directory::fstype");
        }
        String device = a.get(0);
        String lv;
        if (device.startsWith("/dev/mapper/")) {
            String[] vgLv = splitMapperName(device.substring("/dev/mapper/".length()), r);
            lv = vgLv[1];
        } else {
            String[] p = device.split("/");
            if (p.length != 4 || !p[1].equals("dev")) {
                throw new ImportException("haresources: " + r + ": " + device + " is not an LVM logical volume "
                        + "(/dev/<vg>/<lv>)");
            }
            lv = p[3];
        }
        List<String> options = a.size() > 3 && !a.get(3).isEmpty() ? List.of(a.get(3).split(",")) : List.of();
        return new LogicalVolume(lv, null, a.get(2), a.get(1), options);
    }

    private static String volumeGroupOf(String device) {
        if (device.startsWith("/dev/mapper/")) {
            return splitMapperNameUnchecked(device.substring("/dev/mapper/".length()))[0];
        }
        return device.split("/")[2];
    }

    /** device-mapper names double the dashes inside VG and LV names and join them with a single dash. */
    private static String[] splitMapperName(String name, Haresources.Resource r) throws ImportException {
        String[] out = splitMapperNameUnchecked(name);
        if (out == null) {
            throw new ImportException("haresources: " + r + ": cannot split /dev/mapper/" + name + " into VG and LV");
        }
        return out;
    }

    private static String[] splitMapperNameUnchecked(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '-') {
                if (i + 1 < name.length() && name.charAt(i + 1) == '-') {
                    i++;
                    continue;
                }
                return new String[] {name.substring(0, i).replace("--", "-"), name.substring(i + 1).replace("--", "-")};
            }
        }
        return null;
    }

    private List<NfsExport> exports() throws ImportException {
        if (!Files.exists(root.resolve("etc/exports"))) {
            throw new ImportException("/etc/exports: missing (the storage pair exports over NFS)");
        }
        List<EtcExports.Entry> entries = parse("/etc/exports", EtcExports::parse);
        Map<String, Integer> fsidByPath = new LinkedHashMap<>();
        Set<Integer> used = new HashSet<>();
        for (EtcExports.Entry e : entries) {
            if (e.fsid() != null) {
                if (!e.fsid().matches("[0-9]{1,9}")) {
                    throw new ImportException("/etc/exports:" + e.line() + ": fsid=" + e.fsid()
                            + " is not a number (hactl keeps numeric fsids)");
                }
                fsidByPath.putIfAbsent(e.path(), Integer.valueOf(e.fsid()));
                used.add(Integer.valueOf(e.fsid()));
            }
        }
        List<NfsExport> out = new ArrayList<>();
        int next = 1;
        for (EtcExports.Entry e : entries) {
            Integer fsid = e.fsid() != null ? Integer.valueOf(e.fsid()) : fsidByPath.get(e.path());
            if (fsid == null) {
                while (used.contains(next)) {
                    next++;
                }
                fsid = next;
                used.add(fsid);
                fsidByPath.put(e.path(), fsid);
                notes.add("/etc/exports:" + e.line() + ": " + e.path() + " had no fsid; it gets fsid=" + fsid
                        + " (clients must remount once)");
            }
            if (e.async()) {
                notes.add("/etc/exports:" + e.line() + ": " + e.path() + " is async and stays so (async: true); "
                        + "set async: false to stop losing acknowledged writes on failover");
            }
            out.add(new NfsExport(e.path(), e.clients(), e.options(), fsid, e.async()));
        }
        return out;
    }

    private Database database(Chain chain, Map<String, String> management) throws ImportException {
        Path file = root.resolve(DB_PROPERTIES.substring(1));
        if (!Files.exists(file)) {
            throw new ImportException(DB_PROPERTIES + ": missing (the management pair's servers read it)");
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new ImportException(DB_PROPERTIES + ": cannot read (" + e.getMessage() + ")");
        }
        String vip = chain.floatingIp.address();
        for (String key : List.of("db.cloud.host", "db.usage.host")) {
            String host = p.getProperty(key);
            if (host != null && !host.equals(vip)) {
                notes.add(DB_PROPERTIES + ": " + key + "=" + host + " becomes the floating IP " + vip);
            }
        }
        if ("true".equals(p.getProperty("db.ha.enabled"))) {
            notes.add(DB_PROPERTIES + ": db.ha.enabled=true becomes false (the pair moves one database instead)");
        }
        String nodeIp = p.getProperty("cluster.node.IP");
        if (nodeIp != null && !management.containsValue(nodeIp)) {
            notes.add(DB_PROPERTIES + ": cluster.node.IP=" + nodeIp + " is neither node's management address; "
                    + "each node gets its own");
        }
        Map<String, String> rest = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!InventoryValidator.COMPUTED_DB_KEYS.contains(key)) {
                rest.put(key, p.getProperty(key));
            }
        }
        return new Database(chain.databaseService, integer(p, "db.cloud.port"), p.getProperty("db.cloud.name"),
                p.getProperty("db.usage.name"), integer(p, "cluster.servlet.port"), rest);
    }

    private static Integer integer(Properties p, String key) throws ImportException {
        String v = p.getProperty(key);
        if (v == null) {
            return null;
        }
        if (!v.strip().matches("[0-9]{1,5}")) {
            throw new ImportException(DB_PROPERTIES + ": " + key + "=" + v + " is not a port number");
        }
        return Integer.valueOf(v.strip());
    }

    private List<ClusterLink> links(HaCf haCf, List<Node> nodes) throws ImportException {
        List<ClusterLink> links = new ArrayList<>();
        for (HaCf.Medium m : haCf.media()) {
            switch (m.type()) {
                case "bcast":
                    // the recipe's single bcast link carries everything; its addresses are the management network's
                    links.add(new ClusterLink(m.args().get(0), ClusterLink.MANAGEMENT, ClusterLink.BCAST));
                    break;
                case "ucast": {
                    if (m.args().size() != 2) {
                        throw new ImportException("ha.cf:" + m.line() + ": expected 'ucast <interface> <peer address>'");
                    }
                    String ip = m.args().get(1);
                    String network = null;
                    for (Node n : nodes) {
                        if (ip.equals(n.replicationAddress())) {
                            network = ClusterLink.REPLICATION;
                        } else if (ip.equals(n.managementAddress())) {
                            network = ClusterLink.MANAGEMENT;
                        }
                    }
                    if (network == null) {
                        throw new ImportException("ha.cf:" + m.line() + ": ucast to " + ip + ", neither node's "
                                + "replication nor management address");
                    }
                    ClusterLink link = new ClusterLink(m.args().get(0), network, ClusterLink.UCAST);
                    if (!links.contains(link)) { // both nodes' addresses listed: one path
                        links.add(link);
                    }
                    break;
                }
                default:
                    throw new ImportException("ha.cf:" + m.line() + ": '" + m.type() + "' links are not supported "
                            + "(bcast or ucast)");
            }
        }
        if (links.isEmpty()) {
            throw new ImportException("ha.cf: no communication path (bcast/ucast)");
        }
        return links;
    }

    private String authMethod(Authkeys.Active auth) throws ImportException {
        switch (auth.method()) {
            case "sha1":
            case "md5":
                return auth.method();
            default:
                throw new ImportException("/etc/ha.d/authkeys: method '" + auth.method() + "' gives no "
                        + "authentication; switch to sha1 with a secret before importing");
        }
    }

    private HeartbeatTimings timings(HaCf haCf) throws ImportException {
        try {
            return new HeartbeatTimings(haCf.seconds("ha.cf", "keepalive"), haCf.seconds("ha.cf", "warntime"),
                    haCf.seconds("ha.cf", "deadtime"), haCf.seconds("ha.cf", "initdead"));
        } catch (ConfigFileException e) {
            throw new ImportException(e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String file, String text) throws ConfigFileException;
    }

    private <T> T parse(String absolute, Parser<T> parser) throws ImportException {
        Path file = root.resolve(absolute.substring(1));
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ImportException(absolute + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return parser.parse(absolute, text);
        } catch (ConfigFileException e) {
            throw new ImportException(e.getMessage());
        }
    }
}
