package org.linuxrouter.cloudstack.reconcile;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.cloudstack.framework.config.ConfigKey;
import org.apache.cloudstack.framework.config.Configurable;
import org.apache.cloudstack.managed.context.ManagedContextRunnable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.RouterRegistry;

import com.cloud.exception.ResourceUnavailableException;
import com.cloud.utils.component.ManagerBase;
import com.cloud.utils.db.GlobalLock;

/**
 * The periodic reconciliation: every {@code linuxrouter.reconcile.interval} seconds, compares what CloudStack holds
 * for each router with what the router reports and repairs the differences (a router that lost its state, a NIC
 * whose release was missed, a network deleted while the router was down). One management server runs a pass at a
 * time (a cluster-wide lock); the others skip that round. Nothing is scheduled unless CloudStack starts this
 * component, so unit tests never run it.
 *
 * <p>A pair member that missed a change is lagging ({@link LaggingRouters}); every
 * {@code linuxrouter.pair.resync.interval} seconds the lagging routers are tried, and one that answers is resynced
 * at once: everything CloudStack holds for its pair is pushed and whatever else it holds is deleted. It is in step
 * again when that resync had no failure ({@link RouterSync} records that, its contact and its drift).
 */
public class ReconcileManager extends ManagerBase implements Configurable {
    static final ConfigKey<Integer> INTERVAL = new ConfigKey<>("Advanced", Integer.class, "linuxrouter.reconcile.interval",
            "300", "Seconds between two reconciliations of every linux router with what CloudStack holds; 0 turns the"
            + " periodic reconciliation off (syncLinuxRouter still works). Read when the management server starts.",
            false, ConfigKey.Scope.Global);
    static final ConfigKey<Integer> RESYNC_INTERVAL = new ConfigKey<>("Advanced", Integer.class,
            "linuxrouter.pair.resync.interval", "10", "Seconds between two attempts to resync the linux routers that"
            + " missed a change their pair member applied (lagging); 0 leaves them to the periodic reconciliation."
            + " Read when the management server starts.", false, ConfigKey.Scope.Global);
    private static final String LOCK = "linuxrouter.reconcile";
    private static final Logger LOG = LogManager.getLogger(ReconcileManager.class);

    @Inject
    private RouterRegistry registry;
    @Inject
    private RouterSync sync;
    private ScheduledExecutorService executor;

    public ReconcileManager() {
    }

    /** For tests and hand wiring. */
    public ReconcileManager(RouterRegistry registry, RouterSync sync) {
        this.registry = registry;
        this.sync = sync;
    }

    @Override
    public boolean start() {
        // one thread: a resync and a reconciliation never run at once on this server
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "linuxrouter-reconcile");
            t.setDaemon(true);
            return t;
        });
        int seconds = INTERVAL.value();
        if (seconds <= 0) {
            LOG.info("linux router reconciliation is off ({} = {})", INTERVAL.key(), seconds);
        } else {
            schedule(seconds, this::reconcileAll);
            LOG.info("linux routers are reconciled every {} s", seconds);
        }
        int resync = RESYNC_INTERVAL.value();
        if (resync > 0) {
            schedule(resync, this::resyncLagging);
            LOG.info("lagging linux routers are tried every {} s", resync);
        }
        return true;
    }

    private void schedule(int seconds, Runnable pass) {
        executor.scheduleWithFixedDelay(new ManagedContextRunnable() {
            @Override
            protected void runInContext() {
                underLock(pass);
            }
        }, seconds, seconds, TimeUnit.SECONDS);
    }

    @Override
    public boolean stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
        return true;
    }

    /** One pass over every registered router; a router that fails is logged and the others still run. */
    public List<SyncReport> reconcileAll() {
        List<SyncReport> reports = new ArrayList<>();
        for (LinuxRouterVO router : registry.all()) {
            syncOne(router, SyncMode.DIFFERENCES, "reconciling").ifPresent(reports::add);
        }
        return reports;
    }

    /**
     * Resyncs every lagging router that answers: CloudStack's view of its pair's networks is pushed whole and
     * anything else it holds is deleted. A router that still does not answer stays lagging.
     */
    public List<SyncReport> resyncLagging() {
        List<SyncReport> reports = new ArrayList<>();
        for (LinuxRouterVO router : registry.all()) {
            if (router.getLaggingSince() != null) {
                syncOne(router, SyncMode.EVERYTHING, "resyncing lagging").ifPresent(reports::add);
            }
        }
        return reports;
    }

    private Optional<SyncReport> syncOne(LinuxRouterVO router, SyncMode mode, String what) {
        Date lagging = router.getLaggingSince();
        try {
            return Optional.of(sync.sync(router, mode));
        } catch (ResourceUnavailableException e) {
            if (lagging == null) {
                LOG.warn("{} linux router {} failed: {}", what, router.getName(), e.getMessage(), e);
            } else {
                LOG.debug("{} linux router {}: it does not answer yet: {}", what, router.getName(), e.getMessage());
            }
        } catch (RuntimeException e) {
            // never let one router's surprise end the scheduled task for all of them
            LOG.error("{} linux router {} failed unexpectedly", what, router.getName(), e);
        }
        return Optional.empty();
    }

    private void underLock(Runnable pass) {
        GlobalLock lock = GlobalLock.getInternLock(LOCK);
        try {
            if (!lock.lock(0)) {
                LOG.debug("another management server is reconciling linux routers; skipping this round");
                return;
            }
            try {
                pass.run();
            } finally {
                lock.unlock();
            }
        } finally {
            lock.releaseRef();
        }
    }

    @Override
    public String getConfigComponentName() {
        return ReconcileManager.class.getSimpleName();
    }

    @Override
    public ConfigKey<?>[] getConfigKeys() {
        return new ConfigKey<?>[] {INTERVAL, RESYNC_INTERVAL};
    }
}
