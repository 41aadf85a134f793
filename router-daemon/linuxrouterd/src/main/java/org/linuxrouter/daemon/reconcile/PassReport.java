package org.linuxrouter.daemon.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One reconcile pass: when it ran, how long it took, what it changed, and what failed per network
 * ({@code ""} stands for host-wide problems such as an unreadable sysctl).
 */
public record PassReport(Instant started, Duration took, int stepsApplied, Map<String, List<String>> failures,
                         List<String> drifted) {
    public PassReport {
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(took, "took");
        failures = Map.copyOf(failures);
        drifted = List.copyOf(drifted);
    }

    public boolean clean() {
        return failures.isEmpty();
    }
}
