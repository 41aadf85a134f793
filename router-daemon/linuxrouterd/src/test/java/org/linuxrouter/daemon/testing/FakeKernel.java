package org.linuxrouter.daemon.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.linuxrouter.daemon.kernel.FloodEntry;
import org.linuxrouter.daemon.kernel.HostRoute;
import org.linuxrouter.daemon.kernel.InterfaceAddress;
import org.linuxrouter.daemon.kernel.KernelPort;
import org.linuxrouter.daemon.kernel.KernelState;
import org.linuxrouter.daemon.kernel.OwnedLink;
import org.linuxrouter.daemon.kernel.ProxyNeighbour;
import org.linuxrouter.daemon.kernel.Step;
import org.linuxrouter.daemon.kernel.StepResult;

/**
 * An in-memory kernel for reconciler tests: applies steps to sets like the real kernel would (deleting a link
 * drops its addresses and routes), records every step, and fails the steps a test selects.
 */
public final class FakeKernel implements KernelPort {

    private final Map<String, OwnedLink> links = new HashMap<>();
    private final Set<InterfaceAddress> addresses = new HashSet<>();
    private final Set<HostRoute> routes = new HashSet<>();
    private final Set<ProxyNeighbour> proxies = new HashSet<>();
    private final Set<FloodEntry> floods = new HashSet<>();
    private final List<Step> applied = new ArrayList<>();
    private volatile Predicate<Step> failing = s -> false;

    @Override
    public synchronized KernelState observe() {
        return new KernelState(links, addresses, routes, proxies, floods);
    }

    @Override
    public synchronized List<StepResult> apply(List<Step> steps) {
        List<StepResult> results = new ArrayList<>();
        for (Step step : steps) {
            if (failing.test(step)) {
                results.add(StepResult.failed(step, "EPERM (Operation not permitted)"));
                continue;
            }
            perform(step);
            applied.add(step);
            results.add(StepResult.done(step));
        }
        return results;
    }

    /** Steps matching {@code predicate} fail from now on (until replaced). */
    public void failWhen(Predicate<Step> predicate) {
        this.failing = predicate;
    }

    /** Simulates a hand edit: {@code ip link del NAME}. */
    public synchronized void deleteLinkByHand(String name) {
        perform(new Step.DeleteLink(name, ""));
    }

    /** Simulates another program (keepalived) adding an address to an owned link. */
    public synchronized void addAddressByHand(InterfaceAddress address) {
        addresses.add(address);
    }

    public synchronized List<Step> applied() {
        return List.copyOf(applied);
    }

    private void perform(Step step) {
        if (step instanceof Step.CreateLink s) {
            links.put(s.link().name(), s.link());
        } else if (step instanceof Step.SetLinkState s) {
            links.put(s.link().name(), s.link());
        } else if (step instanceof Step.DeleteLink s) {
            links.remove(s.name());
            addresses.removeIf(a -> a.link().equals(s.name()));
            routes.removeIf(r -> r.link().equals(s.name()));
            floods.removeIf(f -> f.link().equals(s.name()));
        } else if (step instanceof Step.AddAddress s) {
            addresses.add(s.address());
        } else if (step instanceof Step.DeleteAddress s) {
            addresses.remove(s.address());
        } else if (step instanceof Step.AddRoute s) {
            routes.add(s.route());
        } else if (step instanceof Step.DeleteRoute s) {
            routes.remove(s.route());
        } else if (step instanceof Step.AddProxy s) {
            proxies.add(s.proxy());
        } else if (step instanceof Step.DeleteProxy s) {
            proxies.remove(s.proxy());
        } else if (step instanceof Step.AddFlood s) {
            floods.add(s.flood());
        } else if (step instanceof Step.DeleteFlood s) {
            floods.remove(s.flood());
        }
    }
}
