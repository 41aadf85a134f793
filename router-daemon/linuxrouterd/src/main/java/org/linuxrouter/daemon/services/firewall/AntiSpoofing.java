package org.linuxrouter.daemon.services.firewall;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.linuxrouter.daemon.services.firewall.GuardRuleset.Drop;
import org.linuxrouter.daemon.services.firewall.GuardRuleset.Elements;
import org.linuxrouter.protocol.model.InterfaceName;

/**
 * Keeps the kernel's anti-spoofing table equal to what desired state says. Level-triggered like the reconciler
 * that calls it, in two sizes:
 * <ul>
 * <li>the whole table, deleted and recreated in one {@code nft -f} transaction, whenever the guarded interfaces
 * change (a network came or went), guest links were (re)created (a netdev hook dies with its device), nothing is
 * loaded yet, the table vanished (checked at most once per {@link #VERIFY_INTERVAL}) or a delta failed;</li>
 * <li>otherwise only the set elements that changed (NICs came or went), also one transaction: at 4,094 networks ×
 * 25 NICs a whole load takes seconds, a delta milliseconds, and NIC writes wait for this pass.</li>
 * </ul>
 * A whole load restarts the drop counters, so the packets counted so far are carried over in memory; /metrics
 * shows the sum.
 */
public final class AntiSpoofing {

    private static final Logger LOG = System.getLogger(AntiSpoofing.class.getName());
    static final Duration VERIFY_INTERVAL = Duration.ofSeconds(60);

    private final Nft nft;
    private final Predicate<String> linkExists;
    private volatile List<GuardedInterface> wanted = List.of();
    private final Map<Drop, Long> carried = new EnumMap<>(Drop.class); // guarded by this
    /** What the kernel holds, per interface: the value it was rendered from and its elements. Guarded by this. */
    private final Map<String, Loaded> loaded = new HashMap<>();
    private List<InterfaceName> hooked;     // guarded by this: the hooks loaded, null when nothing is loaded
    private long verifiedAt;                // guarded by this: System.nanoTime() of the last check
    private volatile Optional<String> lastError = Optional.empty();
    private volatile long wholeLoads;
    private volatile long deltaLoads;

    private record Loaded(GuardedInterface from, Elements elements) {
    }

    /**
     * @param linkExists whether a guest interface exists now; on kernels before 6.4 (Debian 12's 6.1) a netdev hook
     *     on a missing device fails the whole transaction, so absent interfaces get no hook until they exist
     */
    public AntiSpoofing(Nft nft, Predicate<String> linkExists) {
        this.nft = Objects.requireNonNull(nft, "nft");
        this.linkExists = Objects.requireNonNull(linkExists, "linkExists");
    }

    /** What desired state says now; applied at the next {@link #sync}. */
    public void want(List<GuardedInterface> interfaces) {
        wanted = List.copyOf(interfaces);
    }

    /**
     * Makes the table match. {@code linksCreated}: guest interfaces appeared since the last call, so every hook is
     * registered again. Returns problems (empty when the table matches), for the reconciler's report.
     */
    public synchronized List<String> sync(boolean linksCreated) {
        List<GuardedInterface> all = wanted;
        List<InterfaceName> present = new ArrayList<>();
        for (GuardedInterface i : all) {
            if (linkExists.test(i.link().value())) {
                present.add(i.link());
            }
        }
        boolean verify = System.nanoTime() - verifiedAt > VERIFY_INTERVAL.toNanos();
        try {
            if (hooked == null || linksCreated || !present.equals(hooked) || (verify && tableMissing())) {
                loadWhole(all, present);
            } else if (!loadDelta(all)) {
                loadWhole(all, present);
            }
            lastError = Optional.empty();
            return List.of();
        } catch (RuntimeException e) {
            hooked = null;
            loaded.clear();
            lastError = Optional.of(String.valueOf(e.getMessage()));
            LOG.log(Level.WARNING, "anti-spoofing: " + e.getMessage());
            return List.of("anti-spoofing: " + e.getMessage());
        }
    }

    private void loadWhole(List<GuardedInterface> all, List<InterfaceName> present) {
        carryCounters();
        hooked = null;
        loaded.clear();
        nft.load(GuardRuleset.render(all, present));
        for (GuardedInterface i : all) {
            loaded.put(i.link().value(), new Loaded(i, GuardRuleset.elements(i)));
        }
        hooked = List.copyOf(present);
        verifiedAt = System.nanoTime();
        wholeLoads++;
        LOG.log(Level.DEBUG, "anti-spoofing: table loaded, {0} guest interfaces hooked", present.size());
    }

    /** Loads the changed elements; false when the delta failed (the kernel differs from what was loaded). */
    private boolean loadDelta(List<GuardedInterface> all) {
        Set<String> links = new LinkedHashSet<>(loaded.keySet());
        Map<String, GuardedInterface> now = new HashMap<>();
        all.forEach(i -> now.put(i.link().value(), i));
        links.addAll(now.keySet());
        StringBuilder script = new StringBuilder();
        Map<String, Loaded> changed = new HashMap<>();
        for (String link : links) {
            Loaded before = loaded.get(link);
            GuardedInterface after = now.get(link);
            if (before != null && before.from() == after) {
                continue; // the same value desired state gave last time: nothing to compare
            }
            Elements b = before == null ? Elements.NONE : before.elements();
            Elements a = after == null ? Elements.NONE : GuardRuleset.elements(after);
            script.append(GuardRuleset.renderDelta(b, a));
            changed.put(link, after == null ? null : new Loaded(after, a));
        }
        if (script.length() > 0) {
            try {
                nft.load(script.toString());
            } catch (NftException e) {
                LOG.log(Level.WARNING, "anti-spoofing: delta refused, loading the whole table: " + e.getMessage());
                return false;
            }
            deltaLoads++;
        }
        changed.forEach((link, l) -> {
            if (l == null) {
                loaded.remove(link);
            } else {
                loaded.put(link, l);
            }
        });
        return true;
    }

    private boolean tableMissing() {
        verifiedAt = System.nanoTime();
        return nft.counters(GuardRuleset.FAMILY, GuardRuleset.TABLE).isEmpty();
    }

    private void carryCounters() {
        if (hooked == null && loaded.isEmpty() && wholeLoads == 0) {
            return; // nothing of ours loaded yet: a table found now is a leftover, its counts are not this run's
        }
        Map<String, Long> now = nft.counters(GuardRuleset.FAMILY, GuardRuleset.TABLE);
        for (Drop d : Drop.values()) {
            carried.merge(d, now.getOrDefault(d.counter(), 0L), Long::sum);
        }
    }

    /** Packets dropped since the daemon started, by reason. */
    public synchronized Map<Drop, Long> dropped() {
        Map<String, Long> now = hooked == null ? Map.of() : nft.counters(GuardRuleset.FAMILY, GuardRuleset.TABLE);
        Map<Drop, Long> total = new EnumMap<>(Drop.class);
        for (Drop d : Drop.values()) {
            total.put(d, carried.getOrDefault(d, 0L) + now.getOrDefault(d.counter(), 0L));
        }
        return total;
    }

    /** Why the last sync failed, while it keeps failing. */
    public Optional<String> lastError() {
        return lastError;
    }

    /** Whole-table loads since start (the expensive kind), for metrics and tests. */
    public long wholeLoads() {
        return wholeLoads;
    }

    /** Element-only loads since start. */
    public long deltaLoads() {
        return deltaLoads;
    }

    /**
     * With the firewall switched off, a table left by an earlier run with it on must not keep filtering: removed
     * if present. Failure is fine (no table, or a kernel without the netdev family, like the UML lab's).
     */
    public static void removeLeftover(Nft nft) {
        try {
            nft.delete(GuardRuleset.FAMILY, GuardRuleset.TABLE);
        } catch (NftException e) {
            LOG.log(Level.DEBUG, "anti-spoofing off, no table to remove: " + e.getMessage());
        }
    }
}
