package org.linuxrouter.daemon.reconcile;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.linuxrouter.daemon.kernel.KernelState;
import org.linuxrouter.daemon.kernel.OwnedLink;
import org.linuxrouter.daemon.kernel.Step;

/**
 * Pure: desired x observed kernel state -> the steps that turn one into the other, in dependency order.
 * Removals come first (proxies, routes, addresses, flood entries, links) so that a VLAN id or an address moving from one network
 * to another never collides with itself; then creations (links, link state, addresses, routes, proxies, flood
 * entries). Objects on
 * a link that is deleted or recreated are not removed one by one: the kernel drops them with the link.
 */
public final class Differ {

    private final KernelState desired;
    private final KernelState observed;
    private final Map<String, String> networkOfLink = new HashMap<>();
    private final Map<InetAddress, String> linkOfRoute = new HashMap<>();

    private Differ(KernelState desired, KernelState observed) {
        this.desired = desired;
        this.observed = observed;
        for (KernelState s : List.of(observed, desired)) {
            s.links().values().forEach(l -> networkOfLink.put(l.name(), l.network()));
            s.routes().forEach(r -> linkOfRoute.put(r.destination(), r.link()));
        }
    }

    public static List<Step> diff(KernelState desired, KernelState observed) {
        return new Differ(desired, observed).steps();
    }

    private List<Step> steps() {
        Set<String> recreated = desired.links().values().stream()
                .filter(d -> observed.links().containsKey(d.name()) && !d.sameIdentity(observed.links().get(d.name())))
                .map(OwnedLink::name).collect(Collectors.toSet());
        Set<String> removed = observed.links().keySet().stream()
                .filter(name -> !desired.links().containsKey(name) || recreated.contains(name))
                .collect(Collectors.toSet());
        Set<String> fresh = desired.links().keySet().stream()
                .filter(name -> !observed.links().containsKey(name) || recreated.contains(name))
                .collect(Collectors.toSet());

        List<Step> steps = new ArrayList<>();
        sorted(observed.proxies(), p -> !desired.proxies().contains(p))
                .forEach(p -> steps.add(new Step.DeleteProxy(p, networkOfAddress(p.address()))));
        sorted(observed.routes(), r -> !desired.routes().contains(r) && !removed.contains(r.link()))
                .forEach(r -> steps.add(new Step.DeleteRoute(r, network(r.link()))));
        sorted(observed.addresses(), a -> !desired.addresses().contains(a) && !removed.contains(a.link()))
                .forEach(a -> steps.add(new Step.DeleteAddress(a, network(a.link()))));
        sorted(observed.floods(), f -> !desired.floods().contains(f) && !removed.contains(f.link()))
                .forEach(f -> steps.add(new Step.DeleteFlood(f, network(f.link()))));
        removed.stream().sorted().forEach(name -> steps.add(new Step.DeleteLink(name, network(name))));

        for (OwnedLink d : sorted(desired.links().values(), l -> true)) {
            OwnedLink o = observed.links().get(d.name());
            if (fresh.contains(d.name())) {
                steps.add(new Step.CreateLink(d));
            } else if (o.up() != d.up() || (d.mtu() != 0 && o.mtu() != d.mtu())) {
                steps.add(new Step.SetLinkState(d));
            }
        }
        sorted(desired.addresses(), a -> fresh.contains(a.link()) || !observed.addresses().contains(a))
                .forEach(a -> steps.add(new Step.AddAddress(a, network(a.link()))));
        sorted(desired.routes(), r -> fresh.contains(r.link()) || !observed.routes().contains(r))
                .forEach(r -> steps.add(new Step.AddRoute(r, network(r.link()))));
        sorted(desired.proxies(), p -> !observed.proxies().contains(p))
                .forEach(p -> steps.add(new Step.AddProxy(p, networkOfAddress(p.address()))));
        sorted(desired.floods(), f -> fresh.contains(f.link()) || !observed.floods().contains(f))
                .forEach(f -> steps.add(new Step.AddFlood(f, network(f.link()))));
        return List.copyOf(steps);
    }

    private String network(String link) {
        return networkOfLink.getOrDefault(link, "");
    }

    /** A proxy entry serves the network whose host route carries the same address. */
    private String networkOfAddress(InetAddress address) {
        String link = linkOfRoute.get(address);
        return link == null ? "" : network(link);
    }

    private static <T> List<T> sorted(Collection<T> items, Predicate<T> keep) {
        return items.stream().filter(keep).sorted(Comparator.comparing(Object::toString)).collect(Collectors.toList());
    }
}
