package org.linuxrouter.ha.status.health;

import java.util.Objects;
import org.linuxrouter.ha.status.Reading;

/**
 * A check made from outside the pair, e.g. "NFS on 10.0.0.10:2049 answers" (FAILED when down) or "management
 * server ms2:8250 answers" (DEGRADED when down).
 */
public final class Probe {
    private final String description;
    private final Reading<Boolean> answered;
    private final HealthState whenDown;

    public Probe(String description, Reading<Boolean> answered, HealthState whenDown) {
        this.description = Objects.requireNonNull(description, "description");
        this.answered = Objects.requireNonNull(answered, "answered");
        if (whenDown == HealthState.HEALTHY) {
            throw new IllegalArgumentException("a probe that fails must lower the health");
        }
        this.whenDown = Objects.requireNonNull(whenDown, "whenDown");
    }

    public String description() {
        return description;
    }

    public Reading<Boolean> answered() {
        return answered;
    }

    public HealthState whenDown() {
        return whenDown;
    }

    @Override
    public String toString() {
        return description + ": " + answered;
    }
}
