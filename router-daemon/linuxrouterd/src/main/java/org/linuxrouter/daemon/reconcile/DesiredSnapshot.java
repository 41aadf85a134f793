package org.linuxrouter.daemon.reconcile;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.linuxrouter.daemon.kernel.InterfaceAddress;
import org.linuxrouter.daemon.kernel.KernelState;

/**
 * What the reconciler works from in one pass: the kernel objects desired state asks for, the interfaces whose
 * interface-wide proxy_arp must be on (networks in the recipe's "interface" proxy mode), the revision of each
 * network's desired state (so a pass can report which revision it applied), and in a router pair the gateway
 * addresses keepalived holds on the master (the reconciler leaves them alone).
 */
public record DesiredSnapshot(KernelState kernel, Set<String> proxyArpInterfaces, Map<String, Long> revisions,
                              Set<InterfaceAddress> virtualAddresses) {
    public DesiredSnapshot {
        Objects.requireNonNull(kernel, "kernel");
        proxyArpInterfaces = Set.copyOf(proxyArpInterfaces);
        revisions = Map.copyOf(revisions);
        virtualAddresses = Set.copyOf(virtualAddresses);
    }

    /** A router on its own: no virtual addresses. */
    public DesiredSnapshot(KernelState kernel, Set<String> proxyArpInterfaces, Map<String, Long> revisions) {
        this(kernel, proxyArpInterfaces, revisions, Set.of());
    }

    public static final DesiredSnapshot EMPTY = new DesiredSnapshot(KernelState.EMPTY, Set.of(), Map.of());

    /**
     * What a dump shows, less the virtual addresses keepalived may hold on this router: those are neither added
     * nor removed by a pass (keepalived itself removes stale ones when it starts).
     */
    public KernelState observedWithoutVirtual(KernelState observed) {
        if (virtualAddresses.isEmpty()) {
            return observed;
        }
        Set<InterfaceAddress> kept = new HashSet<>(observed.addresses());
        kept.removeAll(virtualAddresses);
        return new KernelState(observed.links(), kept, observed.routes(), observed.proxies(), observed.floods());
    }
}
