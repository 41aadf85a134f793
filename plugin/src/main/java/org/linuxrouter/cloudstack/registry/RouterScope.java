package org.linuxrouter.cloudstack.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * What a router serves: every physical network of a zone, or one physical network. A network is served by the
 * router of its physical network if there is one, else by its zone's zone-wide router.
 */
public final class RouterScope {
    private final long zoneId;
    private final Long physicalNetworkId;

    private RouterScope(long zoneId, Long physicalNetworkId) {
        this.zoneId = zoneId;
        this.physicalNetworkId = physicalNetworkId;
    }

    public static RouterScope zone(long zoneId) {
        return new RouterScope(zoneId, null);
    }

    public static RouterScope physicalNetwork(long zoneId, long physicalNetworkId) {
        return new RouterScope(zoneId, physicalNetworkId);
    }

    public long zoneId() {
        return zoneId;
    }

    /** Empty for a zone-wide router. */
    public Optional<Long> physicalNetworkId() {
        return Optional.ofNullable(physicalNetworkId);
    }

    /** The unique key stored with the router: at most one router per zone-wide or per physical-network scope. */
    public String key() {
        return physicalNetworkId == null ? "zone:" + zoneId : "physicalnetwork:" + physicalNetworkId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RouterScope && ((RouterScope) other).zoneId == zoneId
                && Objects.equals(((RouterScope) other).physicalNetworkId, physicalNetworkId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zoneId, physicalNetworkId);
    }

    @Override
    public String toString() {
        return physicalNetworkId == null ? "zone " + zoneId : "physical network " + physicalNetworkId + " of zone " + zoneId;
    }
}
