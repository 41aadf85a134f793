package org.linuxrouter.cloudstack.reconcile;

import java.util.ArrayList;
import java.util.List;
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
 */
public class ReconcileManager extends ManagerBase implements Configurable {
    static final ConfigKey<Integer> INTERVAL = new ConfigKey<>("Advanced", Integer.class, "linuxrouter.reconcile.interval",
            "300", "Seconds between two reconciliations of every linux router with what CloudStack holds; 0 turns the"
            + " periodic reconciliation off (syncLinuxRouter still works). Read when the management server starts.",
            false, ConfigKey.Scope.Global);
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
        int seconds = INTERVAL.value();
        if (seconds <= 0) {
            LOG.info("linux router reconciliation is off ({} = {})", INTERVAL.key(), seconds);
            return true;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "linuxrouter-reconcile");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(new ManagedContextRunnable() {
            @Override
            protected void runInContext() {
                reconcileUnderLock();
            }
        }, seconds, seconds, TimeUnit.SECONDS);
        LOG.info("linux routers are reconciled every {} s", seconds);
        return true;
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
            try {
                reports.add(sync.sync(router, SyncMode.DIFFERENCES));
            } catch (ResourceUnavailableException e) {
                LOG.warn("reconciling linux router {} failed: {}", router.getName(), e.getMessage(), e);
            } catch (RuntimeException e) {
                // never let one router's surprise end the scheduled task for all of them
                LOG.error("reconciling linux router {} failed unexpectedly", router.getName(), e);
            }
        }
        return reports;
    }

    private void reconcileUnderLock() {
        GlobalLock lock = GlobalLock.getInternLock(LOCK);
        try {
            if (!lock.lock(0)) {
                LOG.debug("another management server is reconciling linux routers; skipping this round");
                return;
            }
            try {
                reconcileAll();
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
        return new ConfigKey<?>[] {INTERVAL};
    }
}
