package org.linuxrouter.cloudstack.reconcile;

import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.linuxrouter.cloudstack.client.PendingPasswords;
import org.linuxrouter.cloudstack.client.RouterEndpoint;
import org.linuxrouter.cloudstack.client.RouterGateway;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.RouterRegistry;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NicSpec;

import com.cloud.exception.ResourceUnavailableException;

/**
 * Brings one router in line with what CloudStack holds for it: reads both sides, plans the repairs, applies them
 * one by one and logs each. A failed repair is reported and the rest still run, so one conflicting network does not
 * keep the others broken; a router that cannot even be listed fails the whole sync. A member of a pair is brought
 * to every network placed on the pair, and whatever else it holds is deleted: a pair whose members disagree
 * converges to CloudStack's view, never to the union of theirs.
 */
public class RouterSync {
    private static final Logger LOG = LogManager.getLogger(RouterSync.class);

    @Inject
    private HeldNetworks heldNetworks;
    @Inject
    private RouterGateway gateway;
    @Inject
    private RouterRegistry registry;
    @Inject
    private PendingPasswords pendingPasswords;

    public RouterSync() {
    }

    /** For tests and hand wiring: no pair member has a kept password. */
    public RouterSync(HeldNetworks heldNetworks, RouterGateway gateway, RouterRegistry registry) {
        this(heldNetworks, gateway, registry, null);
    }

    /** For tests and hand wiring. */
    public RouterSync(HeldNetworks heldNetworks, RouterGateway gateway, RouterRegistry registry,
            PendingPasswords pendingPasswords) {
        this.heldNetworks = heldNetworks;
        this.gateway = gateway;
        this.registry = registry;
        this.pendingPasswords = pendingPasswords;
    }

    /**
     * Syncs the router and records the outcome in the registry: its contact, the drift left (none when every repair
     * went through), and, for a lagging router whose sync had no failure, that it is in step again (unless it missed
     * another change meanwhile).
     */
    public SyncReport sync(LinuxRouterVO registered, SyncMode mode) throws ResourceUnavailableException {
        Date lagging = registered.getLaggingSince();
        SyncReport report = syncOnly(registered, mode);
        registry.recordContact(registered.getUuid(), new Date(), report.failures().isEmpty() ? 0 : report.differing());
        if (lagging != null && report.failures().isEmpty()) {
            registry.clearLagging(registered.getUuid(), lagging);
            LOG.info("linux router {} is in step again (lagging since {})", registered.getName(), lagging);
        }
        return report;
    }

    private SyncReport syncOnly(LinuxRouterVO registered, SyncMode mode) throws ResourceUnavailableException {
        RouterEndpoint router = RouterEndpoint.of(registered);
        List<String> pair = registry.members(registered).stream().map(LinuxRouterVO::getUuid)
                .collect(Collectors.toList());
        List<HeldNetwork> held = heldNetworks.forRouter(router, pair.isEmpty() ? List.of(router.uuid()) : pair);
        List<NetworkState> reported = gateway.listNetworks(router, registered.getZoneId());
        Map<Repair.Kind, Integer> applied = new EnumMap<>(Repair.Kind.class);
        List<String> failures = new ArrayList<>();
        int differing = (int) RepairPlanner.plan(held, reported, SyncMode.DIFFERENCES).stream()
                .map(r -> r.network().uuid()).distinct().count();
        for (Repair repair : RepairPlanner.plan(held, reported, mode)) {
            try {
                apply(router, repair);
                applied.merge(repair.kind(), 1, Integer::sum);
                LOG.info("{}: {} ({} sync)", router, repair, mode.name().toLowerCase(java.util.Locale.ROOT));
            } catch (ResourceUnavailableException e) {
                failures.add(e.getMessage());
                LOG.warn("{}: {} failed: {}", router, repair, e.getMessage(), e);
            }
        }
        SyncReport report = new SyncReport(router.toString(), held.size(), differing, applied, failures);
        if (!applied.isEmpty() || !failures.isEmpty()) {
            LOG.info("{}", report);
        }
        return report;
    }

    private void apply(RouterEndpoint router, Repair repair) throws ResourceUnavailableException {
        switch (repair.kind()) {
            case PUT_NETWORK:
                gateway.putNetwork(router, repair.network(), repair.spec().orElseThrow());
                break;
            case PUT_NIC:
                NicSpec nic = repair.nic().orElseThrow();
                gateway.putNic(router, repair.network(), nic);
                // a held NIC carries a password only when it was kept for this router: it holds it now
                if (pendingPasswords != null) {
                    nic.password().ifPresent(p -> pendingPasswords.delivered(router, nic.uuid(), p));
                }
                break;
            case DELETE_NIC:
                gateway.deleteNic(router, repair.network(), repair.nicUuid().orElseThrow());
                if (pendingPasswords != null) { // a NIC CloudStack no longer holds: never to be delivered
                    pendingPasswords.forgetNic(router, repair.nicUuid().orElseThrow());
                }
                break;
            default:
                gateway.deleteNetwork(router, repair.network());
                break;
        }
    }
}
