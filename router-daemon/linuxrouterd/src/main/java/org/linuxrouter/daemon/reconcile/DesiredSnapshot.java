package org.linuxrouter.daemon.reconcile;

import java.util.Map;
import java.util.Objects;
import org.linuxrouter.daemon.kernel.KernelState;

/**
 * What the reconciler works from in one pass: the kernel objects desired state asks for, and the revision of each
 * network's desired state (so a pass can report which revision it applied).
 */
public record DesiredSnapshot(KernelState kernel, Map<String, Long> revisions) {
    public DesiredSnapshot {
        Objects.requireNonNull(kernel, "kernel");
        revisions = Map.copyOf(revisions);
    }

    public static final DesiredSnapshot EMPTY = new DesiredSnapshot(KernelState.EMPTY, Map.of());
}
