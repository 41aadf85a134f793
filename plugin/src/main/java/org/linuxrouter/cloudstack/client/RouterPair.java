package org.linuxrouter.cloudstack.client;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The routers that carry a network: one router, or the two members of a pair, with the zone they serve (where
 * alerts about them are raised). Every change to the network goes to each member ({@link PairGateway}).
 */
public final class RouterPair {
    private final List<RouterEndpoint> members;
    private final long zoneId;

    public RouterPair(List<RouterEndpoint> members, long zoneId) {
        if (members.isEmpty() || members.size() > 2) {
            throw new IllegalArgumentException("expected one or two routers, got " + members.size());
        }
        this.members = List.copyOf(members);
        this.zoneId = zoneId;
    }

    public List<RouterEndpoint> members() {
        return members;
    }

    public long zoneId() {
        return zoneId;
    }

    public boolean isPair() {
        return members.size() == 2;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RouterPair && ((RouterPair) other).members.equals(members)
                && ((RouterPair) other).zoneId == zoneId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(members, zoneId);
    }

    /** For messages: {@code router r1 (...)} or {@code pair of router r1 (...) and router r2 (...)}. */
    @Override
    public String toString() {
        String names = members.stream().map(RouterEndpoint::toString).collect(Collectors.joining(" and "));
        return isPair() ? "pair of " + names : names;
    }
}
