package org.linuxrouter.drbdnfs.pair;

import com.cloud.storage.StoragePool;
import com.cloud.utils.crypt.DBEncryptionUtil;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.cloudstack.storage.datastore.db.PrimaryDataStoreDao;
import org.apache.cloudstack.storage.datastore.db.StoragePoolVO;
import org.linuxrouter.ha.status.health.PairSpec;

/** The DrbdNfs pools CloudStack holds, and each one's agents and expectations read from its details. */
public class PoolPairs {
    public static final String PROVIDER = "DrbdNfs";

    @Inject
    private PrimaryDataStoreDao pools;

    public PoolPairs() {
    }

    /** For tests and hand wiring. */
    public PoolPairs(PrimaryDataStoreDao pools) {
        this.pools = pools;
    }

    public List<StoragePoolVO> all() {
        return pools.findPoolsByProvider(PROVIDER);
    }

    public Optional<StoragePoolVO> byId(long id) {
        StoragePoolVO p = pools.findById(id);
        return p != null && PROVIDER.equals(p.getStorageProviderName()) ? Optional.of(p) : Optional.empty();
    }

    public Map<String, String> details(StoragePool pool) {
        return pools.getDetails(pool.getId());
    }

    /** The agents of a registered pool; the stored secret is decrypted here and nowhere else. */
    public PairEndpoints endpoints(StoragePool pool) {
        Map<String, String> d = details(pool);
        return PairEndpoints.fromDetails(d, DBEncryptionUtil.decrypt(d.get(PairDetails.SECRET)));
    }

    /** What healthy looks like for this pool: its floating IP (the URL's host), mount point and export fsid. */
    public static PairSpec spec(String floatingIp, String exportPath, Map<String, String> details) {
        PairSpec.Builder b = PairSpec.newBuilder(PairSpec.Kind.NFS_EXPORT, floatingIp);
        String mount = details.get(PairDetails.MOUNT_POINT);
        if (mount != null && !mount.isBlank()) {
            b.mountPoint(mount);
        }
        String fsid = details.get(PairDetails.FSID);
        b.exports(List.of(new PairSpec.ExpectedExport(exportPath,
                fsid == null || fsid.isBlank() ? Optional.empty() : Optional.of(fsid))));
        return b.build();
    }

    public static PairSpec spec(StoragePool pool, Map<String, String> details) {
        return spec(pool.getHostAddress(), pool.getPath(), details);
    }
}
