package org.linuxrouter.cloudstack.api.response;

import javax.inject.Inject;

import org.linuxrouter.cloudstack.reconcile.Repair;
import org.linuxrouter.cloudstack.reconcile.SyncReport;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.NetworkPlacements;

import com.cloud.dc.DataCenter;
import com.cloud.network.PhysicalNetwork;
import com.cloud.utils.db.EntityManager;

/** Builds responses from registry rows: internal ids become UUIDs, the secret is never copied. */
public class RouterResponses {
    @Inject
    private EntityManager entities;
    @Inject
    private NetworkPlacements placements;

    public RouterResponses() {
    }

    /** For tests and hand wiring. */
    public RouterResponses(EntityManager entities, NetworkPlacements placements) {
        this.entities = entities;
        this.placements = placements;
    }

    public LinuxRouterResponse of(LinuxRouterVO router) {
        LinuxRouterResponse response = new LinuxRouterResponse();
        response.setId(router.getUuid());
        response.setName(router.getName());
        DataCenter zone = entities.findById(DataCenter.class, router.getZoneId());
        if (zone != null) {
            response.setZoneId(zone.getUuid());
            response.setZoneName(zone.getName());
        }
        if (router.getPhysicalNetworkId() != null) {
            PhysicalNetwork physicalNetwork = entities.findById(PhysicalNetwork.class, router.getPhysicalNetworkId());
            response.setPhysicalNetworkId(physicalNetwork == null ? null : physicalNetwork.getUuid());
        }
        response.setUrl(router.getUrl());
        response.setFingerprint(router.getFingerprint());
        response.setTrunkInterface(router.getTrunkInterface());
        response.setUplinkInterface(router.getUplinkInterface());
        response.setVxlanUnderlay(router.getVxlanUnderlay());
        response.setVxlanMode(router.getVxlanMode());
        response.setNetworkCount(placements.networksOn(router.getUuid()).size());
        response.setCreated(router.getCreated());
        return response;
    }

    public LinuxRouterSyncResponse of(LinuxRouterVO router, SyncReport report) {
        LinuxRouterSyncResponse response = new LinuxRouterSyncResponse();
        response.setId(router.getUuid());
        response.setName(router.getName());
        response.setNetworks(report.held());
        response.setNetworksPut(report.applied(Repair.Kind.PUT_NETWORK));
        response.setNicsPut(report.applied(Repair.Kind.PUT_NIC));
        response.setNicsDeleted(report.applied(Repair.Kind.DELETE_NIC));
        response.setNetworksDeleted(report.applied(Repair.Kind.DELETE_NETWORK));
        response.setFailures(report.failures());
        return response;
    }
}
