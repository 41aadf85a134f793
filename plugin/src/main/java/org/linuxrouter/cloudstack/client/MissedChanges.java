package org.linuxrouter.cloudstack.client;

import com.cloud.exception.ResourceUnavailableException;

/**
 * Told by {@link PairGateway} when one member of a pair did not acknowledge a change the other applied: the
 * member is behind CloudStack from now on (lagging) until a resync brings it in step.
 */
public interface MissedChanges {
    /**
     * @param pair    the pair the change went to
     * @param missed  the member that failed
     * @param applied the member that acknowledged
     * @param change  what was asked, for messages ({@code put network 3f25... (guest-100)})
     * @param cause   why it failed
     */
    void missed(RouterPair pair, RouterEndpoint missed, RouterEndpoint applied, String change,
            ResourceUnavailableException cause);
}
