package org.linuxrouter.cloudstack.api.response;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.linuxrouter.cloudstack.client.RouterEndpoint;
import org.linuxrouter.cloudstack.client.RouterGateway;
import org.linuxrouter.cloudstack.reconcile.Repair;
import org.linuxrouter.cloudstack.reconcile.SyncReport;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.NetworkPlacements;
import org.linuxrouter.cloudstack.registry.RouterRegistry;
import org.linuxrouter.protocol.model.RouterStatus;

import com.cloud.dc.DataCenter;
import com.cloud.exception.ResourceUnavailableException;
import com.cloud.network.PhysicalNetwork;
import com.cloud.utils.db.EntityManager;

/**
 * Builds responses from registry rows: internal ids become UUIDs, the secret is never copied. A listing also asks
 * each router for its status ({@link #withStatus}): its VRRP role and split brain, and the contact it proves.
 */
public class RouterResponses {
    private static final Logger LOG = LogManager.getLogger(RouterResponses.class);

    @Inject
    private EntityManager entities;
    @Inject
    private NetworkPlacements placements;
    @Inject
    private RouterRegistry registry;
    @Inject
    private RouterGateway gateway;

    public RouterResponses() {
    }

    /** For tests and hand wiring. */
    public RouterResponses(EntityManager entities, NetworkPlacements placements, RouterRegistry registry,
            RouterGateway gateway) {
        this.entities = entities;
        this.placements = placements;
        this.registry = registry;
        this.gateway = gateway;
    }

    /**
     * As {@link #of(LinuxRouterVO)}, after asking the router for its status: the VRRP role it reports, and its
     * last contact (recorded). A router that does not answer is shown without a role, with its last recorded contact.
     */
    public LinuxRouterResponse withStatus(LinuxRouterVO router) {
        Optional<RouterStatus> status;
        try {
            status = Optional.of(gateway.status(RouterEndpoint.of(router), router.getZoneId()));
            Date now = new Date();
            registry.recordContact(router.getUuid(), now, null);
            router.setLastContact(now);
        } catch (ResourceUnavailableException e) {
            LOG.debug("listing: {}", e.getMessage());
            status = Optional.empty();
        }
        LinuxRouterResponse response = of(router);
        status.flatMap(RouterStatus::pair).ifPresent(p -> {
            response.setVrrpRole(p.role().name());
            response.setSplitBrain(p.splitBrain());
        });
        return response;
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
        List<LinuxRouterVO> pair = registry.members(router);
        pair.stream().filter(r -> r.getId() != router.getId()).findFirst().ifPresent(partner -> {
            response.setPairWith(partner.getUuid());
            response.setPairWithName(partner.getName());
        });
        List<String> carriers = pair.stream().map(LinuxRouterVO::getUuid).collect(Collectors.toList());
        response.setNetworkCount(placements.networksOn(carriers.isEmpty() ? List.of(router.getUuid()) : carriers).size());
        response.setLastContact(router.getLastContact());
        response.setLagging(router.getLaggingSince() != null);
        response.setLaggingSince(router.getLaggingSince());
        response.setDrift(router.getDrift());
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
