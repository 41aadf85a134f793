package org.linuxrouter.drbdnfs.health;

import com.cloud.storage.StoragePool;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.cloudstack.alert.AlertService;
import org.apache.cloudstack.storage.datastore.db.StoragePoolDetailsDao;
import org.linuxrouter.drbdnfs.pair.NodeView;
import org.linuxrouter.drbdnfs.pair.PairDetails;
import org.linuxrouter.drbdnfs.pair.PairSnapshot;
import org.linuxrouter.ha.status.health.HealthState;

/**
 * Writes a pair's health into {@code storage_pool_details} (shown by listStoragePools) and raises one
 * ALERT.STORAGE.MISC alert per transition. The last state is read back from the details, so a restart or another
 * management server does not repeat an alert. UNKNOWN counts only after {@code unknownPolls} polls in a row: one
 * lost poll is not worth paging anyone. It never changes the pool's status: a pair failover is not maintenance.
 */
public class HealthRecorder {
    private final StoragePoolDetailsDao details;
    private final AlertService alerts;
    private final Map<Long, Integer> unknownStreak = new ConcurrentHashMap<>();

    public HealthRecorder(StoragePoolDetailsDao details, AlertService alerts) {
        this.details = details;
        this.alerts = alerts;
    }

    /** @return the state now recorded for the pool */
    public HealthState record(StoragePool pool, PairSnapshot snapshot, int unknownPolls) {
        HealthState seen = snapshot.verdict().state();
        HealthState previous = previous(pool);
        HealthState effective = seen;
        if (seen == HealthState.UNKNOWN) {
            int streak = unknownStreak.merge(pool.getId(), 1, Integer::sum);
            if (streak < unknownPolls && previous != null) {
                effective = previous;
            }
        } else {
            unknownStreak.remove(pool.getId());
        }
        details.addDetail(pool.getId(), PairDetails.HEALTH, effective.name(), true);
        details.addDetail(pool.getId(), PairDetails.REASONS, PairDetails.shorten(snapshot.verdict().summary()), true);
        details.addDetail(pool.getId(), PairDetails.CHECKED, snapshot.checked().toString(), true);
        List<NodeView> nodes = snapshot.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            details.addDetail(pool.getId(), PairDetails.NODE_PREFIX + (i + 1), PairDetails.shorten(NodeSummary.of(nodes.get(i))), true);
        }
        if (effective != previous && !(previous == null && effective == HealthState.HEALTHY)) {
            String subject = "DrbdNfs pool " + pool.getName() + " is " + effective
                    + (previous == null ? "" : " (was " + previous + ")") + ": " + snapshot.verdict().summary();
            alerts.generateAlert(AlertService.AlertType.ALERT_TYPE_STORAGE_MISC, pool.getDataCenterId(), pool.getPodId(),
                    PairDetails.shorten(subject));
        }
        return effective;
    }

    private HealthState previous(StoragePool pool) {
        var detail = details.findDetail(pool.getId(), PairDetails.HEALTH);
        if (detail == null || detail.getValue() == null) {
            return null;
        }
        try {
            return HealthState.valueOf(detail.getValue());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
