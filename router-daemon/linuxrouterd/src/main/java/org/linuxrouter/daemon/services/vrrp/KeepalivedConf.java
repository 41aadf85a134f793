package org.linuxrouter.daemon.services.vrrp;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.linuxrouter.daemon.config.VrrpConfig;
import org.linuxrouter.daemon.kernel.InterfaceAddress;
import org.linuxrouter.protocol.model.InterfaceName;

/**
 * Pure: keepalived's configuration for this router. One VRRPv3 instance for the whole router: its advertisements
 * carry only the pair address, and every gateway is an "excluded" virtual address (not advertised, so no limit of
 * 20 per advertisement applies; keepalived 2.2 moves any excess there itself) placed on its VLAN link. Every value
 * written is typed and checked (addresses are {@link InetAddress}es, names pass {@link InterfaceName}), so nothing
 * from a request can add a keyword. keepalived's own {@code -t} check runs on the result before it is installed.
 */
public final class KeepalivedConf {

    /** The instance name the notify FIFO reports; fixed, since a router has exactly one. */
    public static final String INSTANCE = "linuxrouter";

    /** The track file's name in keepalived's configuration. */
    static final String STICKY = "linuxrouter_sticky";

    /**
     * The configured priority 1..254 is rendered halved (rounded up) into 1..127, and a sticky router adds this,
     * reaching 128..254: a sticky router outranks any that is not, whatever the two priorities, and between two
     * sticky ones (a split brain healing, or preemption) the configured priorities still decide. A router with
     * preemption is always sticky (it claims mastership at its priority); one without becomes sticky after holding
     * mastership for a while ({@link StickyMaster}).
     */
    static final int STICKY_WEIGHT = 127;

    /** keepalived's netlink receive buffers: 16 MiB each, taken only as events queue up. */
    static final int NETLINK_BUFFER_BYTES = 16 * 1024 * 1024;

    private static final Pattern PAIR_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}");

    private final VrrpConfig config;
    private final InterfaceName vrrpInterface;
    private final Optional<InterfaceName> uplink;
    private final Path notifyFifo;

    /**
     * @param uplink tracked: a router whose uplink is down goes to FAULT and its peer takes over
     */
    public KeepalivedConf(VrrpConfig config, InterfaceName trunk, Optional<InterfaceName> uplink, Path notifyFifo) {
        this.config = Objects.requireNonNull(config, "config");
        this.vrrpInterface = config.vrrpInterface().orElse(Objects.requireNonNull(trunk, "trunk"));
        this.uplink = Objects.requireNonNull(uplink, "uplink");
        this.notifyFifo = Objects.requireNonNull(notifyFifo, "notifyFifo");
        if (!notifyFifo.isAbsolute() || !notifyFifo.toString().matches("[A-Za-z0-9/._-]+")) {
            throw new IllegalArgumentException("notify fifo: expected an absolute path of [A-Za-z0-9/._-], got "
                    + notifyFifo);
        }
        if (!PAIR_ADDRESS.matcher(config.effectivePairAddress()).matches()) {
            throw new IllegalArgumentException("vrrp_pair_address: expected an IPv4 address/length, got "
                    + config.effectivePairAddress());
        }
    }

    public InterfaceName vrrpInterface() {
        return vrrpInterface;
    }

    /** The file {@link StickyMaster} writes (beside the FIFO), or empty when preemption is on: priorities decide. */
    public Optional<Path> stickyFile() {
        return config.preempt() ? Optional.empty() : Optional.of(notifyFifo.resolveSibling("sticky"));
    }

    /** The priority keepalived is given: halved into 1..127, plus {@link #STICKY_WEIGHT} with preemption. */
    int renderedPriority() {
        int base = (config.priority() + 1) / 2;
        return config.preempt() ? base + STICKY_WEIGHT : base;
    }

    /** The whole file for these gateway addresses (sorted, so equal input gives byte-equal output). */
    public String render(Set<InterfaceAddress> gateways) {
        StringBuilder out = new StringBuilder(64 + gateways.size() * 48);
        out.append("# Written by linuxrouterd from linuxrouterd.conf and its desired state; edits are lost.\n");
        out.append("global_defs {\n");
        out.append("  vrrp_version 3\n");
        // Links come and go with networks: keepalived must accept a link that does not exist yet.
        out.append("  dynamic_interfaces\n");
        out.append("  notify_fifo ").append(notifyFifo).append('\n');
        // After a reload (or when the daemon reconnects) the current state is written again.
        out.append("  fifo_write_vrrp_states_on_reload\n");
        // One gratuitous ARP / unsolicited NA per gateway at takeover and one more round a second later: with
        // thousands of gateways the default of 5 each would delay the announcements themselves.
        out.append("  vrrp_garp_master_repeat 1\n");
        out.append("  vrrp_garp_master_delay 1\n");
        // With thousands of VLAN links keepalived's first read of every link and address, and the burst of events
        // when they change, overran its default netlink buffers: a backup started beside a master holding 8,188
        // gateways never left its start-up (docs/performance.md). Forced, so rmem_max does not cap them.
        out.append("  vrrp_netlink_cmd_rcv_bufs ").append(NETLINK_BUFFER_BYTES).append('\n');
        out.append("  vrrp_netlink_cmd_rcv_bufs_force\n");
        out.append("  vrrp_netlink_monitor_rcv_bufs ").append(NETLINK_BUFFER_BYTES).append('\n');
        out.append("  vrrp_netlink_monitor_rcv_bufs_force\n");
        out.append("}\n\n");
        // Written by StickyMaster: 1 once this router has been master for a while. Created with 0 if missing, so
        // keepalived -t and a first start find it; never overwritten by keepalived, a reload keeps the value.
        stickyFile().ifPresent(f -> out.append("track_file ").append(STICKY).append(" {\n  file \"").append(f)
                .append("\"\n  weight ").append(STICKY_WEIGHT).append("\n  init_file 0\n}\n\n"));
        out.append("vrrp_instance ").append(INSTANCE).append(" {\n");
        // Both routers start as BACKUP: required by nopreempt, and a restarted router never grabs the gateways.
        out.append("  state BACKUP\n");
        out.append("  interface ").append(vrrpInterface.value()).append('\n');
        out.append("  virtual_router_id ").append(config.routerId()).append('\n');
        out.append("  priority ").append(renderedPriority()).append('\n');
        out.append("  advert_int ").append(seconds(config.advertInterval().toMillis())).append('\n');
        if (!config.preempt()) {
            out.append("  nopreempt\n");
            out.append("  track_file {\n    ").append(STICKY).append("\n  }\n");
        }
        config.unicastSource().ifPresent(s -> out.append("  unicast_src_ip ").append(text(s)).append('\n'));
        if (!config.unicastPeers().isEmpty()) {
            out.append("  unicast_peer {\n");
            config.unicastPeers().forEach(p -> out.append("    ").append(text(p)).append('\n'));
            out.append("  }\n");
        }
        uplink.filter(u -> !u.equals(vrrpInterface)).ifPresent(u ->
                out.append("  track_interface {\n    ").append(u.value()).append("\n  }\n"));
        out.append("  virtual_ipaddress {\n    ").append(config.effectivePairAddress()).append(" dev ")
                .append(vrrpInterface.value()).append("\n  }\n");
        out.append("  virtual_ipaddress_excluded {\n");
        List<InterfaceAddress> sorted = gateways.stream()
                .sorted(Comparator.comparing(InterfaceAddress::link).thenComparing(a -> text(a.address())))
                .toList();
        for (InterfaceAddress a : sorted) {
            InterfaceName.of("gateway link", a.link());
            out.append("    ").append(text(a.address())).append('/').append(a.prefixLength()).append(" dev ")
                    .append(a.link()).append('\n');
        }
        out.append("  }\n}\n");
        return out.toString();
    }

    /** VRRPv3 counts in centiseconds; keepalived reads seconds with up to two decimals. */
    static String seconds(long millis) {
        return (millis / 1000) + "." + String.format("%02d", (millis % 1000) / 10);
    }

    private static String text(InetAddress address) {
        return address.getHostAddress().replaceAll("%.*$", "");
    }
}
