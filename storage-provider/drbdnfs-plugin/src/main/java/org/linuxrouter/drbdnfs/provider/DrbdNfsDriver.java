package org.linuxrouter.drbdnfs.provider;

import com.cloud.storage.StoragePool;
import com.cloud.utils.Pair;
import javax.inject.Inject;
import org.apache.cloudstack.storage.datastore.driver.CloudStackPrimaryDataStoreDriverImpl;
import org.linuxrouter.drbdnfs.health.PairHealth;
import org.linuxrouter.ha.status.report.Capacity;

/**
 * CloudStack's NFS driver, plus storage stats from the pair: without {@code canProvideStorageStats()} a provider
 * not named DefaultPrimary never gets its used bytes refreshed (StatsCollector).
 */
public class DrbdNfsDriver extends CloudStackPrimaryDataStoreDriverImpl {
    @Inject
    private PairHealth health;

    public DrbdNfsDriver() {
    }

    /** For tests and hand wiring. */
    public DrbdNfsDriver(PairHealth health) {
        this.health = health;
    }

    @Override
    public boolean canProvideStorageStats() {
        return true;
    }

    /** (capacity, used) of the exported filesystem as the serving node reports it; the pool's own values if unknown. */
    @Override
    public Pair<Long, Long> getStorageStats(StoragePool pool) {
        long[] stats = capacityAndUsed(pool);
        return new Pair<>(stats[0], stats[1]);
    }

    /** {capacity, used} in bytes. */
    public long[] capacityAndUsed(StoragePool pool) {
        Capacity c = health.capacity(pool).orElse(null);
        return c == null ? new long[] {pool.getCapacityBytes(), pool.getUsedBytes()} : new long[] {c.totalBytes(), c.usedBytes()};
    }
}
