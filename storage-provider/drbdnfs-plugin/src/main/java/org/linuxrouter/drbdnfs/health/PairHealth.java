package org.linuxrouter.drbdnfs.health;

import com.cloud.storage.StoragePool;
import com.cloud.utils.component.ManagerBase;
import com.cloud.utils.db.GlobalLock;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.apache.cloudstack.alert.AlertService;
import org.apache.cloudstack.framework.config.ConfigKey;
import org.apache.cloudstack.framework.config.Configurable;
import org.apache.cloudstack.managed.context.ManagedContextRunnable;
import org.apache.cloudstack.storage.datastore.db.StoragePoolDetailsDao;
import org.apache.cloudstack.storage.datastore.db.StoragePoolVO;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.linuxrouter.drbdnfs.pair.AgentTransport;
import org.linuxrouter.drbdnfs.pair.PairEndpoints;
import org.linuxrouter.drbdnfs.pair.PairProbe;
import org.linuxrouter.drbdnfs.pair.PairSnapshot;
import org.linuxrouter.drbdnfs.pair.PoolPairs;
import org.linuxrouter.ha.status.health.PairSpec;
import org.linuxrouter.ha.status.report.Capacity;

/**
 * Polls every DrbdNfs pair on an interval (one management server at a time, by a cluster-wide lock), records the
 * health in pool details and alerts on transitions; answers the admin APIs live. Also holds the management-server
 * pair's settings (global configuration, the secret as a Secure setting).
 */
public class PairHealth extends ManagerBase implements Configurable {
    static final ConfigKey<Integer> INTERVAL = new ConfigKey<>("Storage", Integer.class, "drbdnfs.health.interval", "60",
            "Seconds between two health checks of every DrbdNfs storage pair; 0 turns polling off (listDrbdNfsPairs"
            + " still checks live). Read when the management server starts.", false, ConfigKey.Scope.Global);
    static final ConfigKey<Integer> UNKNOWN_POLLS = new ConfigKey<>("Storage", Integer.class, "drbdnfs.health.unknown.polls",
            "3", "Consecutive polls a DrbdNfs pair must be UNKNOWN (agents not answering) before that is recorded and"
            + " alerted.", true, ConfigKey.Scope.Global);
    static final ConfigKey<String> MS_AGENTS = new ConfigKey<>("Advanced", String.class, "drbdnfs.management.agents", "",
            "The ha-agents of the two management servers whose database is on DRBD: https://ms1:8444,https://ms2:8444",
            true, ConfigKey.Scope.Global);
    static final ConfigKey<String> MS_FINGERPRINTS = new ConfigKey<>("Advanced", String.class,
            "drbdnfs.management.fingerprints", "", "SHA-256 fingerprints of those agents' certificates, same order",
            true, ConfigKey.Scope.Global);
    static final ConfigKey<String> MS_SECRET = new ConfigKey<>("Secure", String.class, "drbdnfs.management.secret", "",
            "The shared secret of the management servers' ha-agents (content of their secret_file)", true,
            ConfigKey.Scope.Global);
    static final ConfigKey<String> MS_VIP = new ConfigKey<>("Advanced", String.class, "drbdnfs.management.vip", "",
            "The database's floating IP of the management-server pair", true, ConfigKey.Scope.Global);
    static final ConfigKey<String> MS_MOUNT = new ConfigKey<>("Advanced", String.class, "drbdnfs.management.mountpoint",
            "/var/lib/mysql", "Where the database's DRBD filesystem is mounted on the active node", true,
            ConfigKey.Scope.Global);
    static final int DATABASE_PORT = 3306;
    private static final String LOCK = "drbdnfs.health";
    private static final Logger LOG = LogManager.getLogger(PairHealth.class);

    @Inject
    private PoolPairs pairs;
    @Inject
    private StoragePoolDetailsDao poolDetails;
    @Inject
    private AlertService alertService;
    private PairProbe probe = new PairProbe(AgentTransport.network(Duration.ofSeconds(10)), Clock.systemUTC());
    private HealthRecorder recorder;
    private final Map<Long, PairSnapshot> latest = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;
    private int unknownPolls; // 0: read the setting

    public PairHealth() {
    }

    /** For tests and hand wiring: no CloudStack configuration behind it. */
    public PairHealth(PoolPairs pairs, StoragePoolDetailsDao poolDetails, AlertService alertService, PairProbe probe,
            int unknownPolls) {
        this.pairs = pairs;
        this.poolDetails = poolDetails;
        this.alertService = alertService;
        this.probe = probe;
        this.unknownPolls = unknownPolls;
    }

    private HealthRecorder recorder() {
        if (recorder == null) {
            recorder = new HealthRecorder(poolDetails, alertService);
        }
        return recorder;
    }

    @Override
    public boolean start() {
        int seconds = INTERVAL.value();
        if (seconds <= 0) {
            LOG.info("DrbdNfs pair polling is off ({} = {})", INTERVAL.key(), seconds);
            return true;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drbdnfs-health");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(new ManagedContextRunnable() {
            @Override
            protected void runInContext() {
                pollUnderLock();
            }
        }, seconds, seconds, TimeUnit.SECONDS);
        return true;
    }

    @Override
    public boolean stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
        return true;
    }

    /** Checks one pool's pair now; never throws (a broken registration is an UNKNOWN pair with the reason). */
    public PairSnapshot check(StoragePool pool) {
        PairSnapshot s;
        try {
            Map<String, String> details = pairs.details(pool);
            PairSpec spec = PoolPairs.spec(pool, details);
            PairEndpoints endpoints = pairs.endpoints(pool);
            s = probe.nfsPair(endpoints, spec, pool.getPort() > 0 ? pool.getPort() : 2049);
        } catch (IllegalArgumentException e) {
            // details edited by hand or a secret that no longer decrypts: nothing to ask, say why
            s = new PairSnapshot(java.util.List.of(), new org.linuxrouter.ha.status.health.Verdict(
                    org.linuxrouter.ha.status.health.HealthState.UNKNOWN, java.util.List.of("pool registration: " + e.getMessage())),
                    Clock.systemUTC().instant());
        }
        latest.put(pool.getId(), s);
        return s;
    }

    /** One pass over every DrbdNfs pool: check, record, alert. A pool that fails does not stop the others. */
    public void pollAll() {
        for (StoragePoolVO pool : pairs.all()) {
            try {
                recorder().record(pool, check(pool), unknownPolls > 0 ? unknownPolls : UNKNOWN_POLLS.value());
            } catch (RuntimeException e) {
                LOG.error("DrbdNfs health check of pool {} failed unexpectedly", pool.getName(), e);
            }
        }
    }

    /** The capacity the serving node last reported; polled now if this server has not seen the pool yet. */
    public Optional<Capacity> capacity(StoragePool pool) {
        PairSnapshot s = latest.get(pool.getId());
        try {
            return (s != null ? s : check(pool)).capacity();
        } catch (RuntimeException e) {
            LOG.warn("DrbdNfs capacity of pool {} unknown: {}", pool.getName(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The management-server pair, from the global settings; empty when they are not set. */
    public Optional<PairSnapshot> checkManagementPair() {
        String agents = MS_AGENTS.value();
        if (agents == null || agents.isBlank()) {
            return Optional.empty();
        }
        String secret = MS_SECRET.value();
        PairEndpoints endpoints = PairEndpoints.parse(agents, MS_FINGERPRINTS.value(), secret);
        PairSpec.Builder spec = PairSpec.newBuilder(PairSpec.Kind.DATABASE, MS_VIP.value());
        String mount = MS_MOUNT.value();
        if (mount != null && !mount.isBlank()) {
            spec.mountPoint(mount);
        }
        return Optional.of(probe.managementPair(endpoints, spec.build(), DATABASE_PORT));
    }

    public String managementVip() {
        return MS_VIP.value();
    }

    private void pollUnderLock() {
        GlobalLock lock = GlobalLock.getInternLock(LOCK);
        try {
            if (!lock.lock(0)) {
                return; // another management server polls this round
            }
            try {
                pollAll();
            } finally {
                lock.unlock();
            }
        } finally {
            lock.releaseRef();
        }
    }


    @Override
    public String getConfigComponentName() {
        return PairHealth.class.getSimpleName();
    }

    @Override
    public ConfigKey<?>[] getConfigKeys() {
        return new ConfigKey<?>[] {INTERVAL, UNKNOWN_POLLS, MS_AGENTS, MS_FINGERPRINTS, MS_SECRET, MS_VIP, MS_MOUNT};
    }
}
