package org.linuxrouter.daemon.reconcile;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.linuxrouter.daemon.kernel.KernelState;

/**
 * What the reconciler works from in one pass: the kernel objects desired state asks for, the interfaces whose
 * interface-wide proxy_arp must be on (networks in the recipe's "interface" proxy mode), and the revision of each
 * network's desired state (so a pass can report which revision it applied).
 */
public record DesiredSnapshot(KernelState kernel, Set<String> proxyArpInterfaces, Map<String, Long> revisions) {
    public DesiredSnapshot {
        Objects.requireNonNull(kernel, "kernel");
        proxyArpInterfaces = Set.copyOf(proxyArpInterfaces);
        revisions = Map.copyOf(revisions);
    }

    public static final DesiredSnapshot EMPTY = new DesiredSnapshot(KernelState.EMPTY, Set.of(), Map.of());
}
