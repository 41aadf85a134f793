package org.linuxrouter.ha.status.health;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reasons collected by the rules, by the state each one implies; identical reasons are kept once. */
final class Findings {
    private final Set<String> failed = new LinkedHashSet<>();
    private final Set<String> unknown = new LinkedHashSet<>();
    private final Set<String> degraded = new LinkedHashSet<>();

    void failed(String reason) {
        failed.add(reason);
    }

    void unknown(String reason) {
        unknown.add(reason);
    }

    void degraded(String reason) {
        degraded.add(reason);
    }

    void add(HealthState state, String reason) {
        switch (state) {
            case FAILED:
                failed(reason);
                break;
            case UNKNOWN:
                unknown(reason);
                break;
            case DEGRADED:
                degraded(reason);
                break;
            default:
                throw new IllegalArgumentException("HEALTHY is not a finding");
        }
    }

    Verdict verdict() {
        HealthState state = !failed.isEmpty() ? HealthState.FAILED
                : !unknown.isEmpty() ? HealthState.UNKNOWN
                : !degraded.isEmpty() ? HealthState.DEGRADED : HealthState.HEALTHY;
        List<String> reasons = new ArrayList<>(failed);
        reasons.addAll(unknown);
        reasons.addAll(degraded);
        return new Verdict(state, reasons);
    }
}
