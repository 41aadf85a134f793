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
 * Which router (for a pair: one of its members, the pair being that router's scope) and segment (VLAN or VXLAN) each network was configured with, kept in CloudStack's {@code network_details}. Recorded
 * before the router is asked, so teardown finds it even when the router applied a change whose answer was lost,
 * and read at shutdown and destroy, when an isolated network's broadcast URI is already gone. CloudStack deletes a
 * network's details itself, after every element's {@code destroy()} succeeded. The entries are not displayed to
 * users ({@code display=false}).
 */
public class NetworkPlacements {
    public static final String ROUTER_KEY = "linuxrouter.router";
    /** The VLAN id alone, as plugin versions before VXLAN wrote it; still written for VLAN networks. */
    public static final String VLAN_KEY = "linuxrouter.vlan";
    /** The segment with its kind, {@code vlan://100} or {@code vxlan://5001}. */
    public static final String SEGMENT_KEY = "linuxrouter.segment";
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
        if (!placement.routerUuid().equals(current.get(ROUTER_KEY))) {
            details.addDetail(networkId, ROUTER_KEY, placement.routerUuid(), false);
        }
        String segment = placement.segment().uri();
        if (!segment.equals(current.get(SEGMENT_KEY))) {
            details.addDetail(networkId, SEGMENT_KEY, segment, false);
        }
        if (placement.segment().type() == Segment.Type.VLAN) {
            String vlan = String.valueOf(placement.segment().id());
            if (!vlan.equals(current.get(VLAN_KEY))) {
                details.addDetail(networkId, VLAN_KEY, vlan, false);
            }
        }
    }

    /** The recorded placement, or empty if none (or an unreadable one, which is logged). */
    public Optional<Placement> placement(long networkId) {
        Map<String, String> current = details.listDetailsKeyPairs(networkId);
        String router = current.get(ROUTER_KEY);
        // placements recorded before VXLAN support have only the VLAN id
        String segment = current.containsKey(SEGMENT_KEY) ? current.get(SEGMENT_KEY)
                : current.get(VLAN_KEY) == null ? null : "vlan://" + current.get(VLAN_KEY);
        if (router == null || segment == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Placement(router, Segment.parse(segment)));
        } catch (ValidationException e) {
            LOG.warn("network {}: expected a vlan:// or vxlan:// segment in network_details {}, got '{}'; ignoring"
                    + " the placement", networkId, SEGMENT_KEY, segment);
            return Optional.empty();
        }
    }

    public void forget(long networkId) {
        details.removeDetail(networkId, ROUTER_KEY);
        details.removeDetail(networkId, VLAN_KEY);
        details.removeDetail(networkId, SEGMENT_KEY);
    }

    /** The ids of the networks placed on any of the routers (a router, or both members of a pair). */
    public List<Long> networksOn(String... routerUuids) {
        return details.findResourceIdsByNameAndValueIn(ROUTER_KEY, routerUuids.clone());
    }

    /** The ids of the networks placed on any of the routers. */
    public List<Long> networksOn(List<String> routerUuids) {
        return networksOn(routerUuids.toArray(new String[0]));
    }

    /** Re-records every network placed on {@code from} as placed on {@code to} (a pair member leaving). */
    public void handOver(String from, String to) {
        for (long network : networksOn(from)) {
            details.addDetail(network, ROUTER_KEY, to, false);
            LOG.info("network {}: placement handed over from linux router {} to {}", network, from, to);
        }
    }
}
