package org.linuxrouter.drbdnfs.provider;

import java.util.Map;
import java.util.Set;
import org.apache.cloudstack.engine.subsystem.api.storage.DataStoreDriver;
import org.apache.cloudstack.engine.subsystem.api.storage.DataStoreLifeCycle;
import org.apache.cloudstack.engine.subsystem.api.storage.DataStoreProvider;
import org.apache.cloudstack.engine.subsystem.api.storage.HypervisorHostListener;
import org.apache.cloudstack.engine.subsystem.api.storage.PrimaryDataStoreProvider;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.linuxrouter.drbdnfs.pair.PoolPairs;

/**
 * The {@code DrbdNfs} primary-storage provider. Its three parts are beans of the plugin's Spring context (so they
 * get CloudStack's and the plugin's beans injected): the NFS lifecycle with the pair checks, the NFS driver with
 * the pair's capacity, and CloudStack's own DefaultHostListener, so KVM hosts mount the export as any NFS pool.
 */
public class DrbdNfsProvider implements PrimaryDataStoreProvider {
    private static final Logger LOG = LogManager.getLogger(DrbdNfsProvider.class);

    private DataStoreLifeCycle lifeCycle;
    private DataStoreDriver driver;
    private HypervisorHostListener hostListener;

    public void setLifeCycle(DataStoreLifeCycle lifeCycle) {
        this.lifeCycle = lifeCycle;
    }

    public void setDriver(DataStoreDriver driver) {
        this.driver = driver;
    }

    public void setHostListener(HypervisorHostListener hostListener) {
        this.hostListener = hostListener;
    }

    @Override
    public DataStoreLifeCycle getDataStoreLifeCycle() {
        return lifeCycle;
    }

    @Override
    public DataStoreDriver getDataStoreDriver() {
        return driver;
    }

    @Override
    public HypervisorHostListener getHostListener() {
        return hostListener;
    }

    @Override
    public String getName() {
        return PoolPairs.PROVIDER;
    }

    /**
     * Never throws and always says yes: CloudStack drops a provider whose configure fails, silently, and every
     * pool registered with it then falls back to the default provider. A wiring mistake is logged instead.
     */
    @Override
    public boolean configure(Map<String, Object> params) {
        try {
            if (lifeCycle == null || driver == null || hostListener == null) {
                LOG.error("DrbdNfs provider is missing its lifecycle, driver or host listener: check "
                        + "spring-drbdnfs-storage-context.xml");
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.error("DrbdNfs provider: unexpected failure while configuring", e);
        }
        return true;
    }

    @Override
    public Set<DataStoreProvider.DataStoreProviderType> getTypes() {
        return Set.of(DataStoreProvider.DataStoreProviderType.PRIMARY);
    }
}
