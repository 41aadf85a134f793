package org.linuxrouter.daemon.reconcile;

import java.util.List;
import java.util.Map;

/**
 * A guest service brought in line with desired state at the end of every reconcile pass, after the kernel
 * links exist (a service binds to them): DHCP and DNS, for instance. One straight path: a write, the pass that
 * follows it, the stage. Implementations must be cheap when nothing changed, since every pass calls them.
 */
public interface ServiceStage {
    /**
     * Applies {@code snapshot}; returns what failed, by network uuid ({@code ""} for the whole router). A network
     * with a failure keeps its previous applied revision and is retried with the pass's backoff.
     */
    Map<String, List<String>> apply(DesiredSnapshot snapshot);
}
