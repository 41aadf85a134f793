package org.linuxrouter.daemon.services.firewall;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.linuxrouter.daemon.services.firewall.GuardRuleset.Drop;
import org.linuxrouter.protocol.model.InterfaceName;

/**
 * Keeps the kernel's anti-spoofing table equal to what desired state says. Level-triggered like the reconciler
 * that calls it: {@link #sync} renders the whole ruleset and loads it only when the text differs from what was
 * last loaded, when guest links were (re)created (a netdev hook dies with its device), or when the table vanished
 * (checked at most once per {@link #VERIFY_INTERVAL}). Drop counters restart with every replaced table, so the
 * packets counted so far are carried over in memory; /metrics shows the sum.
 */
public final class AntiSpoofing {

    private static final Logger LOG = System.getLogger(AntiSpoofing.class.getName());
    static final Duration VERIFY_INTERVAL = Duration.ofSeconds(60);

    private final Nft nft;
    private final Predicate<String> linkExists;
    private volatile List<GuardedInterface> wanted = List.of();
    private final Map<Drop, Long> carried = new EnumMap<>(Drop.class); // guarded by this
    private String loaded;                  // guarded by this: the script last loaded successfully
    private long verifiedAt;                // guarded by this: System.nanoTime() of the last check
    private volatile Optional<String> lastError = Optional.empty();

    /**
     * @param linkExists whether a guest interface exists now; on kernels before 6.4 (Debian 12's 6.1) a netdev hook
     *     on a missing device fails the whole transaction, so absent interfaces are left out until they exist
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
     * re-registered. Returns problems (empty when the table matches), for the reconciler's report.
     */
    public synchronized List<String> sync(boolean linksCreated) {
        List<GuardedInterface> all = wanted;
        List<InterfaceName> present = new ArrayList<>();
        for (GuardedInterface i : all) {
            if (linkExists.test(i.link().value())) {
                present.add(i.link());
            }
        }
        String script = GuardRuleset.render(all, present);
        boolean verify = System.nanoTime() - verifiedAt > VERIFY_INTERVAL.toNanos();
        if (script.equals(loaded) && !linksCreated && !(verify && tableMissing())) {
            return List.of();
        }
        try {
            carryCounters();
            nft.load(script);
            loaded = script;
            verifiedAt = System.nanoTime();
            lastError = Optional.empty();
            LOG.log(Level.DEBUG, "anti-spoofing: table loaded, {0} guest interfaces", present.size());
            return List.of();
        } catch (RuntimeException e) {
            loaded = null;
            lastError = Optional.of(String.valueOf(e.getMessage()));
            LOG.log(Level.WARNING, "anti-spoofing: " + e.getMessage());
            return List.of("anti-spoofing: " + e.getMessage());
        }
    }

    private boolean tableMissing() {
        verifiedAt = System.nanoTime();
        return nft.counters(GuardRuleset.FAMILY, GuardRuleset.TABLE).isEmpty();
    }

    private void carryCounters() {
        Map<String, Long> now = nft.counters(GuardRuleset.FAMILY, GuardRuleset.TABLE);
        for (Drop d : Drop.values()) {
            carried.merge(d, now.getOrDefault(d.counter(), 0L), Long::sum);
        }
    }

    /** Packets dropped since the daemon started, by reason. */
    public synchronized Map<Drop, Long> dropped() {
        Map<String, Long> now = nft.counters(GuardRuleset.FAMILY, GuardRuleset.TABLE);
        Map<Drop, Long> total = new EnumMap<>(Drop.class);
        for (Drop d : Drop.values()) {
            total.put(d, carried.getOrDefault(d, 0L) + (loaded == null ? 0L : now.getOrDefault(d.counter(), 0L)));
        }
        return total;
    }

    /** Why the last load failed, while it keeps failing. */
    public Optional<String> lastError() {
        return lastError;
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
