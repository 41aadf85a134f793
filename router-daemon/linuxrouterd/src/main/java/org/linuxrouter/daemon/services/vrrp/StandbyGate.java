package org.linuxrouter.daemon.services.vrrp;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.linuxrouter.daemon.reconcile.DesiredSnapshot;
import org.linuxrouter.daemon.reconcile.HostTuning;
import org.linuxrouter.daemon.services.firewall.Nft;
import org.linuxrouter.protocol.model.InterfaceName;

/**
 * The standby gate of a router pair in gate mode ({@code vrrp_takeover = gate}): every gateway sits on both routers,
 * and on the one that is not VRRP master this nftables table silences every guest link — nothing in (no ARP or
 * neighbour solicitation reaches the gateway, no DHCP, DNS or metadata request reaches a listener), nothing out (no
 * RA, no DHCP answer, no MLD, no ARP from the gateway). Two tables of one name, {@code inet} for IP and {@code arp}
 * for ARP, each with a set {@code guests} of link names and two base chains at priority -300 (before conntrack, so
 * a dropped packet leaves no state behind). Names, not indexes: the set holds links that do not exist yet, so the
 * gate is closed before the first pass creates any.
 * <ul>
 * <li><b>closed</b> (anything but MASTER, and at start-up): the four chains hold one drop rule each;</li>
 * <li><b>open</b> (MASTER): the four chains are empty. Either is one transaction of a size independent of the
 * number of networks.</li>
 * </ul>
 * The sets follow desired state in every reconcile pass before the links ({@link #inPass}): only the names that
 * changed, in one transaction; the whole table is loaded again when a delta fails and once per
 * {@link #VERIFY_INTERVAL} (someone's {@code nft flush ruleset}). Rendering is pure ({@link #table},
 * {@link #state}, {@link #delta}); nft runs through {@link Nft}.
 */
public final class StandbyGate {

    private static final Logger LOG = System.getLogger(StandbyGate.class.getName());
    public static final String TABLE = "linuxrouter_standby";
    static final Duration VERIFY_INTERVAL = Duration.ofSeconds(60);
    /** family → the chains with their hook and the match that names the guest link. */
    private static final List<Chain> CHAINS = List.of(
            new Chain("inet", "prerouting", "prerouting", "iifname"),
            new Chain("inet", "output", "output", "oifname"),
            new Chain("arp", "input", "input", "iifname"),
            new Chain("arp", "output", "output", "oifname"));
    private static final List<String> FAMILIES = List.of("inet", "arp");

    private record Chain(String family, String name, String hook, String match) {
    }

    private final Nft nft;
    private Set<String> loaded;       // guarded by this: the names in the sets; null when nothing is known loaded
    private boolean open;             // guarded by this: what the role asks for
    private long loadedAt;            // guarded by this: System.nanoTime() of the last whole load
    private volatile boolean opened;  // what the kernel holds, for status and metrics

    public StandbyGate(Nft nft) {
        this.nft = Objects.requireNonNull(nft, "nft");
    }

    /**
     * Loads the table closed with no names (a start-up: before the first pass adds a gateway). Throws
     * {@link org.linuxrouter.daemon.services.firewall.NftException} when nft cannot load it — no nftables, or a
     * kernel without the inet or arp family: the daemon must not start in gate mode then, since the backup would
     * answer for every gateway.
     */
    public synchronized void closeAtStart() {
        open = false;
        loadWhole(Set.of());
        LOG.log(Level.INFO, "standby gate: closed (start-up)");
    }

    /**
     * Removes a gate an earlier run in gate mode left behind (a router switched to {@code addresses}, or out of the
     * pair): left in place it would keep every guest link silent. Quiet when there is none, or no nftables.
     */
    public static void removeLeftover(Nft nft) {
        StringBuilder out = new StringBuilder();
        for (String family : FAMILIES) {
            out.append("table ").append(family).append(' ').append(TABLE).append(" {}\n");
            out.append("delete table ").append(family).append(' ').append(TABLE).append('\n');
        }
        try {
            nft.load(out.toString());
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "standby gate: nothing to remove ({0})", e.getMessage());
        }
    }

    /** MASTER: this router answers on its guest links. */
    public synchronized void open() {
        setOpen(true);
    }

    /** Anything but MASTER: the guest links fall silent. Call before anything else on leaving MASTER. */
    public synchronized void close() {
        setOpen(false);
    }

    /**
     * As {@link #close()} for callers that must carry on (a role change, the daemon stopping): a failure is logged,
     * and the next pass's sync loads the table again, closed.
     */
    public void closeOrLog() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "standby gate: closing failed: " + e.getMessage());
        }
    }

    /** Whether the kernel's gate is open now (false when the last change failed and the state is unknown). */
    public boolean isOpen() {
        return opened;
    }

    /**
     * {@code tuning} preceded, before any link is created, by bringing the sets to the pass's guest links: a link a
     * pass creates is silenced before it exists.
     */
    public HostTuning inPass(HostTuning tuning) {
        return new HostTuning() {
            @Override
            public List<String> beforeLinks(DesiredSnapshot desired) {
                List<String> problems = new ArrayList<>(sync(desired.kernel().links().keySet()));
                problems.addAll(tuning.beforeLinks(desired));
                return problems;
            }

            @Override
            public List<String> afterLinks(DesiredSnapshot desired, Set<String> created) {
                return tuning.afterLinks(desired, created);
            }
        };
    }

    /** Makes the sets hold exactly {@code guests}; returns problems for the reconciler's report. */
    public synchronized List<String> sync(Set<String> guests) {
        Set<String> wanted = new TreeSet<>(guests);
        try {
            if (loaded == null || System.nanoTime() - loadedAt > VERIFY_INTERVAL.toNanos()) {
                loadWhole(wanted);
            } else if (!loaded.equals(wanted)) {
                try {
                    nft.load(delta(loaded, wanted));
                    loaded = wanted;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "standby gate: changing the sets failed, loading the table again: "
                            + e.getMessage());
                    loadWhole(wanted);
                }
            }
            return List.of();
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    private void setOpen(boolean wanted) {
        open = wanted;
        try {
            if (loaded == null) {
                loadWhole(Set.of());
            } else {
                nft.load(state(wanted));
            }
            opened = wanted;
            LOG.log(Level.INFO, "standby gate: {0}", wanted ? "open" : "closed");
        } catch (RuntimeException e) {
            failed(e);
            throw e;
        }
    }

    private void loadWhole(Set<String> guests) {
        loaded = null;
        opened = false;
        nft.load(table(guests, open));
        loaded = Set.copyOf(guests);
        opened = open;
        loadedAt = System.nanoTime();
    }

    private List<String> failed(RuntimeException e) {
        loaded = null;
        LOG.log(Level.ERROR, "standby gate: " + e.getMessage());
        return List.of("standby gate: " + e.getMessage());
    }

    /** Pure: both tables from nothing (any earlier ones replaced in the same transaction), open or closed. */
    static String table(Set<String> guests, boolean open) {
        StringBuilder out = new StringBuilder(256 + guests.size() * 24);
        for (String family : FAMILIES) {
            // "table … {}" first, so the delete finds a table on the first start too
            out.append("table ").append(family).append(' ').append(TABLE).append(" {}\n");
            out.append("delete table ").append(family).append(' ').append(TABLE).append('\n');
            out.append("table ").append(family).append(' ').append(TABLE).append(" {\n");
            out.append("  set guests {\n    type ifname;\n");
            if (!guests.isEmpty()) {
                out.append("    elements = { ").append(names(guests)).append(" }\n");
            }
            out.append("  }\n");
            for (Chain c : CHAINS) {
                if (c.family().equals(family)) {
                    out.append("  chain ").append(c.name()).append(" {\n    type filter hook ").append(c.hook())
                            .append(" priority -300; policy accept;\n");
                    if (!open) {
                        out.append("    ").append(c.match()).append(" @guests drop\n");
                    }
                    out.append("  }\n");
                }
            }
            out.append("}\n");
        }
        return out.toString();
    }

    /** Pure: the transaction that closes the gate of a running table, as {@link PairExitFiles} hands it to nft. */
    public static String closing() {
        return state(false);
    }

    /** Pure: the transaction that opens (flush the four chains) or closes (flush, then one drop rule each). */
    static String state(boolean open) {
        StringBuilder out = new StringBuilder();
        for (Chain c : CHAINS) {
            out.append("flush chain ").append(c.family()).append(' ').append(TABLE).append(' ').append(c.name())
                    .append('\n');
            if (!open) {
                out.append("add rule ").append(c.family()).append(' ').append(TABLE).append(' ').append(c.name())
                        .append(' ').append(c.match()).append(" @guests drop\n");
            }
        }
        return out.toString();
    }

    /** Pure: one transaction taking both sets from {@code before} to {@code after}. */
    static String delta(Set<String> before, Set<String> after) {
        Set<String> gone = new TreeSet<>(before);
        gone.removeAll(after);
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        StringBuilder out = new StringBuilder();
        for (String family : FAMILIES) {
            if (!gone.isEmpty()) {
                out.append("delete element ").append(family).append(' ').append(TABLE).append(" guests { ")
                        .append(names(gone)).append(" }\n");
            }
            if (!added.isEmpty()) {
                out.append("add element ").append(family).append(' ').append(TABLE).append(" guests { ")
                        .append(names(added)).append(" }\n");
            }
        }
        return out.toString();
    }

    /** Each name checked ([A-Za-z0-9._-], 1..15 bytes) and quoted: nothing from a request adds a keyword. */
    private static String names(Set<String> links) {
        StringBuilder out = new StringBuilder();
        for (String link : new TreeSet<>(links)) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append('"').append(InterfaceName.of("guest link", link).value()).append('"');
        }
        return out.toString();
    }
}
