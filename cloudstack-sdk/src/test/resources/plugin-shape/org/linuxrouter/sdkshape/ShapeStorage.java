package org.linuxrouter.sdkshape;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.cloudstack.engine.subsystem.api.storage.DataStore;
import org.apache.cloudstack.engine.subsystem.api.storage.DataStoreDriver;
import org.apache.cloudstack.engine.subsystem.api.storage.DataStoreLifeCycle;
import org.apache.cloudstack.engine.subsystem.api.storage.DataStoreProvider;
import org.apache.cloudstack.engine.subsystem.api.storage.HypervisorHostListener;
import org.apache.cloudstack.engine.subsystem.api.storage.PrimaryDataStoreProvider;
import org.apache.cloudstack.framework.config.ConfigKey;
import org.apache.cloudstack.framework.config.Configurable;
import org.apache.cloudstack.managed.context.ManagedContextRunnable;
import org.apache.cloudstack.storage.datastore.driver.CloudStackPrimaryDataStoreDriverImpl;
import org.apache.cloudstack.storage.datastore.lifecycle.CloudStackPrimaryDataStoreLifeCycleImpl;
import org.apache.cloudstack.storage.datastore.provider.DefaultHostListener;

import com.cloud.storage.Storage;
import com.cloud.utils.component.PluggableService;

/** Test source shaped like the DRBD-NFS provider reusing the in-tree NFS classes. */
public class ShapeStorage implements PrimaryDataStoreProvider, PluggableService, Configurable {
    static final ConfigKey<Boolean> ENABLED = new ConfigKey<>("Advanced", Boolean.class, "shape.enabled", "true",
            "enables shapes", true, ConfigKey.Scope.Zone);

    /** The in-tree lifecycle, extended. */
    public static class LifeCycle extends CloudStackPrimaryDataStoreLifeCycleImpl {
        @Override
        public DataStore initialize(Map<String, Object> dsInfos) {
            return super.initialize(dsInfos);
        }
    }

    /** A scheduled health task. */
    public static class Health extends ManagedContextRunnable {
        @Override
        protected void runInContext() {
            ENABLED.valueIn(1L);
        }
    }

    private final LifeCycle lifeCycle = new LifeCycle();
    private final CloudStackPrimaryDataStoreDriverImpl driver = new CloudStackPrimaryDataStoreDriverImpl();
    private final HypervisorHostListener listener = new DefaultHostListener();

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
        return listener;
    }

    @Override
    public String getName() {
        return "Shape";
    }

    /** Not in sdk-constants.properties: must compile to a getstatic, never to an inlined made-up value. */
    public String defaultProvider() {
        return DataStoreProvider.DEFAULT_PRIMARY;
    }

    @Override
    public boolean configure(Map<String, Object> params) {
        return driver.isStorageSupportHA(Storage.StoragePoolType.NetworkFilesystem);
    }

    @Override
    public Set<DataStoreProvider.DataStoreProviderType> getTypes() {
        return Set.of(DataStoreProvider.DataStoreProviderType.PRIMARY);
    }

    @Override
    public List<Class<?>> getCommands() {
        return List.of(ShapeCmd.class, ShapeListCmd.class);
    }

    @Override
    public String getConfigComponentName() {
        return ShapeStorage.class.getSimpleName();
    }

    @Override
    public ConfigKey<?>[] getConfigKeys() {
        return new ConfigKey<?>[] {ENABLED};
    }
}
