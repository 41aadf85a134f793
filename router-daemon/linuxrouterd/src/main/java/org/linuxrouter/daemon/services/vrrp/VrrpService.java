package org.linuxrouter.daemon.services.vrrp;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.linuxrouter.daemon.config.VrrpConfig;
import org.linuxrouter.daemon.kernel.InterfaceAddress;
import org.linuxrouter.daemon.reconcile.DesiredSnapshot;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.PairState;

/**
 * The router pair at run time. Watches desired state for a changed set of gateways, renders keepalived's
 * configuration, has keepalived check and load it (SIGHUP, mastership kept), reads its state changes and tells the
 * daemon about each one ({@code onChange}: the uplink starts or stops answering, announcements go out, a reconcile
 * pass is asked for).
 */
public final class VrrpService implements AutoCloseable {

    private static final Logger LOG = System.getLogger(VrrpService.class.getName());
    /** How often desired state is looked at; a changed gateway set reaches keepalived within this. */
    static final Duration WATCH_INTERVAL = Duration.ofMillis(100);
    /** How soon a refused configuration is tried again (a link named in it may have been missing). */
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);
    /**
     * When, after the peer was master for a moment, this master acts on its mastership again (announcing the
     * proxied addresses on the uplink): the peer's daemon announces them too when its keepalived reports MASTER,
     * possibly after keepalived already went back to BACKUP, and the last announcement wins upstream. Twice, so a
     * slow peer's late announcement is overridden too (measured in the UML pair lab: a peer's keepalived stalled
     * for a second on a loaded machine; without this the upstream sent to the backup for 8 s).
     */
    static final List<Duration> REASSERT_AFTER = List.of(Duration.ofMillis(500), Duration.ofSeconds(2));

    private final KeepalivedConf conf;
    private final Keepalived keepalived;
    private final Supplier<DesiredSnapshot> desired;
    private final Clock clock;
    private final Consumer<PairStatus> onChange;
    /** Told the gateways of every configuration keepalived accepted ({@link PairExitFiles#virtualGateways}). */
    private final Consumer<Set<InterfaceAddress>> onInstalled;
    private final NotifyFifo fifo;
    private final Optional<StickyMaster> sticky;
    private final Thread watcher;
    private final Object lock = new Object();
    private PairStatus status = PairStatus.INITIAL;  // guarded by lock
    private long reassertUntil;                       // guarded by lock: System.nanoTime() of the last one planned
    private final ScheduledExecutorService reasserts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vrrp-reassert");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    public VrrpService(VrrpConfig config, InterfaceName trunk, Optional<InterfaceName> uplink, Path dir,
                       Supplier<DesiredSnapshot> desired, Clock clock, Consumer<Set<InterfaceAddress>> onInstalled,
                       Consumer<PairStatus> onChange) {
        Path fifoPath = dir.resolve(Keepalived.NOTIFY_FIFO);
        this.conf = new KeepalivedConf(config, trunk, uplink, fifoPath);
        this.sticky = conf.stickyFile().map(f -> new StickyMaster(f,
                StickyMaster.stableAfter(config.advertInterval()), reasserts));
        this.keepalived = new Keepalived(config.keepalived(), dir, () -> sticky.ifPresent(StickyMaster::reset));
        this.desired = Objects.requireNonNull(desired, "desired");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        this.onInstalled = Objects.requireNonNull(onInstalled, "onInstalled");
        this.fifo = new NotifyFifo(fifoPath, this::onNotify);
        this.watcher = new Thread(this::watch, "vrrp-config");
        this.watcher.setDaemon(true);
    }

    /** Starts the FIFO reader first (so no state change is missed), then keepalived with the current gateways. */
    public void start() {
        keepalived.prepare();
        fifo.start();
        watcher.start();
    }

    public PairStatus status() {
        synchronized (lock) {
            return new PairStatus(status.state(), status.transitions(), status.lastTransition(),
                    keepalived.restarts(), status.configError());
        }
    }

    /** The status as {@code GET /v1/status} reports it. */
    public PairState wireState() {
        PairStatus s = status();
        return PairState.of(PairState.Role.valueOf(s.state().name()), s.transitions(),
                s.lastTransition().orElse(null), s.keepalivedRestarts(),
                s.configError().map(e -> e.length() > 4096 ? e.substring(0, 4096) : e).orElse(null))
                .withSticky(s.state() == VrrpState.MASTER && sticky()); // read apart: a stale flag never shows
    }

    /** Whether this router holds the gateways and answers upstream for the addresses it proxies. */
    public boolean isMaster() {
        return status().state() == VrrpState.MASTER;
    }

    /** Whether this router is a sticky master (its priority raised over any returning router's); false with preemption. */
    public boolean sticky() {
        return sticky.map(StickyMaster::sticky).orElse(false);
    }

    public Optional<Long> keepalivedPid() {
        return keepalived.pid();
    }

    private void onNotify(NotifyLine line) {
        if (!KeepalivedConf.INSTANCE.equals(line.instance())) {
            return;
        }
        if (line.lowerPriorityAdvert()) {
            planReassert();
            return;
        }
        try {
            // Before the repeat check: a restarted keepalived (sticky reset) may report the state already known.
            sticky.ifPresent(s -> s.onState(line.state()));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "VRRP: sticky-master file: " + e.getMessage(), e);
        }
        PairStatus now;
        synchronized (lock) {
            if (status.state() == line.state()) {
                return; // a reload repeats the current state
            }
            status = new PairStatus(line.state(), status.transitions() + 1, Optional.of(clock.instant()),
                    status.keepalivedRestarts(), status.configError());
            now = status;
        }
        LOG.log(Level.INFO, "VRRP: now {0}", line.state());
        try {
            onChange.accept(now);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "VRRP: acting on " + line.state() + " failed: " + e.getMessage(), e);
        }
    }

    /** A lower-priority peer was master for a moment: act on this router's mastership again, a little later. */
    private void planReassert() {
        long now = System.nanoTime();
        synchronized (lock) {
            if (status.state() != VrrpState.MASTER || now < reassertUntil) {
                return; // not master (keepalived is handling it), or the planned runs still cover this event
            }
            reassertUntil = now + REASSERT_AFTER.get(REASSERT_AFTER.size() - 1).toNanos();
        }
        LOG.log(Level.WARNING, "VRRP: a lower-priority router advertised as master; re-announcing as master");
        for (Duration delay : REASSERT_AFTER) {
            reasserts.schedule(this::reassert, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void reassert() {
        PairStatus now = status();
        if (now.state() != VrrpState.MASTER || closed) {
            return;
        }
        try {
            onChange.accept(now);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "VRRP: re-asserting mastership failed: " + e.getMessage(), e);
        }
    }

    private void watch() {
        Set<InterfaceAddress> installed = null;
        Set<InterfaceAddress> refused = null;
        long refusedAt = 0;
        while (!closed) {
            Set<InterfaceAddress> gateways = desired.get().virtualAddresses();
            boolean retry = refused != null && System.nanoTime() - refusedAt > RETRY_INTERVAL.toNanos();
            if (!gateways.equals(installed) && (!gateways.equals(refused) || retry)) {
                Optional<String> problem = install(gateways);
                if (problem.isEmpty()) {
                    installed = gateways;
                    refused = null;
                } else {
                    refused = gateways;
                    refusedAt = System.nanoTime();
                }
            }
            try {
                Thread.sleep(WATCH_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Optional<String> install(Set<InterfaceAddress> gateways) {
        Optional<String> problem;
        try {
            problem = keepalived.install(conf.render(gateways));
        } catch (RuntimeException e) {
            problem = Optional.of(String.valueOf(e.getMessage()));
        }
        problem.ifPresentOrElse(p -> LOG.log(Level.ERROR, "VRRP: configuration not installed: {0}", p),
                () -> LOG.log(Level.INFO, "VRRP: keepalived configured with {0} gateway addresses", gateways.size()));
        if (problem.isEmpty()) {
            try {
                onInstalled.accept(gateways);
            } catch (RuntimeException e) { // a full disk: the exit file lags, keepalived is configured all the same
                LOG.log(Level.ERROR, "VRRP: recording the installed gateways failed: " + e.getMessage());
            }
        }
        synchronized (lock) {
            status = new PairStatus(status.state(), status.transitions(), status.lastTransition(),
                    status.keepalivedRestarts(), problem);
        }
        return problem;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        reasserts.shutdownNow();
        watcher.interrupt();
        watcher.join(5_000);
        keepalived.close();
        fifo.close();
    }
}
