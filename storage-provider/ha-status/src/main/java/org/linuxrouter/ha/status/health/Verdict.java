package org.linuxrouter.ha.status.health;

import java.util.List;
import java.util.Objects;

/** A health state and every reason that led to it, worst first. */
public final class Verdict {
    private final HealthState state;
    private final List<String> reasons;

    public Verdict(HealthState state, List<String> reasons) {
        this.state = Objects.requireNonNull(state, "state");
        this.reasons = List.copyOf(reasons);
        if (state != HealthState.HEALTHY && reasons.isEmpty()) {
            throw new IllegalArgumentException(state + " needs a reason");
        }
    }

    public HealthState state() {
        return state;
    }

    public List<String> reasons() {
        return reasons;
    }

    /** "DEGRADED: peer disconnected; ..." — short enough for a pool detail or an alert subject. */
    public String summary() {
        return reasons.isEmpty() ? state.name() : state + ": " + String.join("; ", reasons);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Verdict && ((Verdict) o).state == state && ((Verdict) o).reasons.equals(reasons);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, reasons);
    }

    @Override
    public String toString() {
        return summary();
    }
}
