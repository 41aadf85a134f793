package org.linuxrouter.daemon.kernel;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The kernel objects the daemon owns: what it wants (from desired state) or what it found (from a dump). Only
 * owned objects appear: links marked with the daemon's alias, addresses on those links (less the kernel's own
 * IPv6 link-local ones), routes with the daemon's protocol, proxy entries on the uplink, flood entries on owned
 * VXLAN links.
 */
public record KernelState(Map<String, OwnedLink> links, Set<InterfaceAddress> addresses, Set<HostRoute> routes,
                          Set<ProxyNeighbour> proxies, Set<FloodEntry> floods) {

    public static final KernelState EMPTY = new KernelState(Map.of(), Set.of(), Set.of(), Set.of(), Set.of());

    /** A state without flood entries (VLAN-only). */
    public KernelState(Map<String, OwnedLink> links, Set<InterfaceAddress> addresses, Set<HostRoute> routes,
                       Set<ProxyNeighbour> proxies) {
        this(links, addresses, routes, proxies, Set.of());
    }

    public KernelState {
        links = Map.copyOf(links);
        addresses = Set.copyOf(addresses);
        routes = Set.copyOf(routes);
        proxies = Set.copyOf(proxies);
        floods = Set.copyOf(floods);
        for (Map.Entry<String, OwnedLink> e : links.entrySet()) {
            if (!e.getKey().equals(e.getValue().name())) {
                throw new IllegalArgumentException("links: key " + e.getKey() + " differs from link name " + e.getValue().name());
            }
        }
    }

    /** Number of objects, for logs and metrics. */
    public int size() {
        return links.size() + addresses.size() + routes.size() + proxies.size() + floods.size();
    }

    @Override
    public String toString() {
        return "KernelState[links=" + new TreeMap<>(links).keySet() + ", addresses=" + addresses.size() + ", routes="
                + routes.size() + ", proxies=" + proxies.size() + ", floods=" + floods.size() + "]";
    }
}
