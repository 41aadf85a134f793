package org.linuxrouter.daemon.reconcile;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.linuxrouter.daemon.kernel.InterfaceAddress;
import org.linuxrouter.daemon.kernel.KernelState;
import org.linuxrouter.daemon.store.DesiredState;

/**
 * What the reconciler works from in one pass: the kernel objects desired state asks for, the interfaces whose
 * interface-wide proxy_arp must be on (networks in the recipe's "interface" proxy mode), the revision of each
 * network's desired state (so a pass can report which revision it applied), in a router pair the gateway
 * addresses keepalived holds on the master (the reconciler leaves them alone), and the desired state itself,
 * which the guest service stages ({@link ServiceStage}) render their configuration from.
 */
public record DesiredSnapshot(KernelState kernel, Set<String> proxyArpInterfaces, Map<String, Long> revisions,
                              Set<InterfaceAddress> virtualAddresses, DesiredState state) {
    public DesiredSnapshot {
        Objects.requireNonNull(kernel, "kernel");
        proxyArpInterfaces = Set.copyOf(proxyArpInterfaces);
        revisions = Map.copyOf(revisions);
        virtualAddresses = Set.copyOf(virtualAddresses);
        Objects.requireNonNull(state, "state");
    }

    /** A router on its own, for kernel work only: no virtual addresses, no guest services to render. */
    public DesiredSnapshot(KernelState kernel, Set<String> proxyArpInterfaces, Map<String, Long> revisions) {
        this(kernel, proxyArpInterfaces, revisions, Set.of(), DesiredState.EMPTY);
    }

    /** A router pair's snapshot for kernel work only. */
    public DesiredSnapshot(KernelState kernel, Set<String> proxyArpInterfaces, Map<String, Long> revisions,
                           Set<InterfaceAddress> virtualAddresses) {
        this(kernel, proxyArpInterfaces, revisions, virtualAddresses, DesiredState.EMPTY);
    }

    /** A router on its own with the desired state for the guest service stages. */
    public DesiredSnapshot(KernelState kernel, Set<String> proxyArpInterfaces, Map<String, Long> revisions,
                           DesiredState state) {
        this(kernel, proxyArpInterfaces, revisions, Set.of(), state);
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
