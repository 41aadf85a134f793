package org.linuxrouter.daemon.reconcile;

import java.util.Optional;

/** What the reconciler last achieved for one network: the revision the kernel matches, and the last failure. */
public record NetworkOutcome(long appliedRevision, Optional<String> lastError) {
    public static final NetworkOutcome NONE = new NetworkOutcome(0, Optional.empty());
}
