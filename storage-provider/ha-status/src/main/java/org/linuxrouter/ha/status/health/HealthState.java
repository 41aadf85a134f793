package org.linuxrouter.ha.status.health;

/**
 * The pair's health (reference storage-ha-anchors §6.2). Declared from best to worst: UNKNOWN ranks above
 * DEGRADED because a pair we cannot see must be treated as at least degraded, and below FAILED because a known
 * failure is the more useful message.
 */
public enum HealthState {
    /** Serving, fully redundant. */
    HEALTHY,
    /** Serving, redundancy reduced: alert, do not fail over. */
    DEGRADED,
    /** Status could not be collected. */
    UNKNOWN,
    /** Not serving, or serving in a state that needs an operator (split brain, two primaries). */
    FAILED;

    public HealthState worst(HealthState other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
