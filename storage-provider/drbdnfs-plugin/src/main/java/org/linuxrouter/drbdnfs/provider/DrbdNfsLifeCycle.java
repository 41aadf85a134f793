package org.linuxrouter.drbdnfs.provider;

import com.cloud.utils.crypt.DBEncryptionUtil;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.inject.Inject;
import org.apache.cloudstack.engine.subsystem.api.storage.DataStore;
import org.apache.cloudstack.storage.datastore.db.StoragePoolDetailsDao;
import org.apache.cloudstack.storage.datastore.lifecycle.CloudStackPrimaryDataStoreLifeCycleImpl;
import org.linuxrouter.drbdnfs.pair.AgentTransport;
import org.linuxrouter.drbdnfs.pair.PairDetails;

/**
 * CloudStack's own NFS lifecycle (pool type NetworkFilesystem, CreateStoragePoolCommand, mounts on every KVM
 * host through DefaultHostListener), preceded by the pair checks of {@link Registration}. The secret and the
 * fingerprints are stored hidden from listStoragePools, the secret encrypted.
 */
public class DrbdNfsLifeCycle extends CloudStackPrimaryDataStoreLifeCycleImpl {
    @Inject
    private StoragePoolDetailsDao poolDetails;
    private AgentTransport transport = AgentTransport.network(Duration.ofSeconds(10));

    public DrbdNfsLifeCycle() {
    }

    /** For tests: CloudStack's beans as mocks, the agents and the NFS port as a stand-in transport. */
    DrbdNfsLifeCycle(StoragePoolDetailsDao poolDetails, AgentTransport transport) {
        this.poolDetails = poolDetails;
        this.transport = transport;
    }

    @Override
    public DataStore initialize(Map<String, Object> dsInfos) {
        Registration registration = Registration.check(dsInfos, transport);
        Map<String, String> shown = new HashMap<>(registration.details());
        String secret = shown.remove(PairDetails.SECRET).strip();
        String fingerprints = shown.remove(PairDetails.FINGERPRINTS);
        Map<String, Object> infos = new HashMap<>(dsInfos);
        infos.put("details", shown);
        DataStore store = createPool(infos);
        poolDetails.addDetail(store.getId(), PairDetails.SECRET, encrypt(secret), false);
        poolDetails.addDetail(store.getId(), PairDetails.FINGERPRINTS, fingerprints, false);
        return store;
    }

    /** CloudStack's NFS registration; separate so tests can stand in for the SDK's compile-only body. */
    DataStore createPool(Map<String, Object> infos) {
        return super.initialize(infos);
    }

    /** CloudStack's database key encrypts it, as it does every secret it stores. */
    String encrypt(String secret) {
        return DBEncryptionUtil.encrypt(secret);
    }
}
