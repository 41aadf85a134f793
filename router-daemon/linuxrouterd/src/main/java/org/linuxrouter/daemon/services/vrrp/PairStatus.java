package org.linuxrouter.daemon.services.vrrp;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * This router's place in the pair, for status and metrics.
 *
 * @param state the VRRP state keepalived last reported
 * @param transitions state changes since the daemon started
 * @param lastTransition when the state last changed; empty before the first report
 * @param keepalivedRestarts how often keepalived had to be started again after it died
 * @param configError why the newest configuration was not installed (keepalived -t refused it); empty when the
 *     running configuration is the newest
 */
public record PairStatus(VrrpState state, long transitions, Optional<Instant> lastTransition,
                         long keepalivedRestarts, Optional<String> configError) {
    public PairStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastTransition, "lastTransition");
        Objects.requireNonNull(configError, "configError");
    }

    public static final PairStatus INITIAL = new PairStatus(VrrpState.UNKNOWN, 0, Optional.empty(), 0,
            Optional.empty());
}
