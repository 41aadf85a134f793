package org.linuxrouter.cloudstack.reconcile;

import java.util.List;
import java.util.Map;

/**
 * What one sync of a router did: how many networks CloudStack holds for it, the repairs applied by kind, and the
 * repairs that failed with why (the others were still applied).
 */
public final class SyncReport {
    private final String router;
    private final int held;
    private final int differing;
    private final Map<Repair.Kind, Integer> applied;
    private final List<String> failures;

    public SyncReport(String router, int held, int differing, Map<Repair.Kind, Integer> applied, List<String> failures) {
        this.router = router;
        this.held = held;
        this.differing = differing;
        this.applied = Map.copyOf(applied);
        this.failures = List.copyOf(failures);
    }

    public String router() {
        return router;
    }

    /** Networks CloudStack holds for the router. */
    public int held() {
        return held;
    }

    /** Networks the router held differently from CloudStack, or held though CloudStack does not, before the sync. */
    public int differing() {
        return differing;
    }

    public int applied(Repair.Kind kind) {
        return applied.getOrDefault(kind, 0);
    }

    public List<String> failures() {
        return failures;
    }

    @Override
    public String toString() {
        return router + ": " + held + " networks held, " + differing + " differed; put " + applied(Repair.Kind.PUT_NETWORK) + " networks and "
                + applied(Repair.Kind.PUT_NIC) + " nics, deleted " + applied(Repair.Kind.DELETE_NIC) + " nics and "
                + applied(Repair.Kind.DELETE_NETWORK) + " networks; " + failures.size() + " failed";
    }
}
