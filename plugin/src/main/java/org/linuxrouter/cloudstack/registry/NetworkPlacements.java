package org.linuxrouter.cloudstack.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.ValidationException;

import com.cloud.network.dao.NetworkDetailsDao;

/**
 * Which router and VLAN each network was configured with, kept in CloudStack's {@code network_details}. Recorded
 * before the router is asked, so teardown finds it even when the router applied a change whose answer was lost,
 * and read at shutdown and destroy, when an isolated network's broadcast URI is already gone. CloudStack deletes a
 * network's details itself, after every element's {@code destroy()} succeeded. The entries are not displayed to
 * users ({@code display=false}).
 */
public class NetworkPlacements {
    public static final String ROUTER_KEY = "linuxrouter.router";
    public static final String VLAN_KEY = "linuxrouter.vlan";
    private static final Logger LOG = LogManager.getLogger(NetworkPlacements.class);

    @Inject
    private NetworkDetailsDao details;

    public NetworkPlacements() {
    }

    /** For tests and hand wiring. */
    public NetworkPlacements(NetworkDetailsDao details) {
        this.details = details;
    }

    /** Records the placement; writes only what changed, since every VM start passes here. */
    public void record(long networkId, Placement placement) {
        Map<String, String> current = details.listDetailsKeyPairs(networkId);
        String vlan = String.valueOf(placement.segment().id());
        if (!placement.routerUuid().equals(current.get(ROUTER_KEY))) {
            details.addDetail(networkId, ROUTER_KEY, placement.routerUuid(), false);
        }
        if (!vlan.equals(current.get(VLAN_KEY))) {
            details.addDetail(networkId, VLAN_KEY, vlan, false);
        }
    }

    /** The recorded placement, or empty if none (or an unreadable one, which is logged). */
    public Optional<Placement> placement(long networkId) {
        Map<String, String> current = details.listDetailsKeyPairs(networkId);
        String router = current.get(ROUTER_KEY);
        String vlan = current.get(VLAN_KEY);
        if (router == null || vlan == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Placement(router, Segment.parse("vlan://" + vlan)));
        } catch (ValidationException e) {
            LOG.warn("network {}: expected a vlan id 1..4094 in network_details {}, got '{}'; ignoring the placement",
                    networkId, VLAN_KEY, vlan);
            return Optional.empty();
        }
    }

    public void forget(long networkId) {
        details.removeDetail(networkId, ROUTER_KEY);
        details.removeDetail(networkId, VLAN_KEY);
    }

    /** The ids of the networks placed on a router. */
    public List<Long> networksOn(String routerUuid) {
        return details.findResourceIdsByNameAndValueIn(ROUTER_KEY, new Object[] {routerUuid});
    }
}
