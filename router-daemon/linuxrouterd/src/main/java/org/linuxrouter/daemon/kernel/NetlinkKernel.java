package org.linuxrouter.daemon.kernel;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linuxrouter.rtnetlink.Address;
import org.linuxrouter.rtnetlink.Batch;
import org.linuxrouter.rtnetlink.DumpInterruptedException;
import org.linuxrouter.rtnetlink.FdbEntry;
import org.linuxrouter.rtnetlink.BatchResult;
import org.linuxrouter.rtnetlink.IpPrefix;
import org.linuxrouter.rtnetlink.Link;
import org.linuxrouter.rtnetlink.LinkKind;
import org.linuxrouter.rtnetlink.NetlinkException;
import org.linuxrouter.rtnetlink.Neighbour;
import org.linuxrouter.rtnetlink.Route;
import org.linuxrouter.rtnetlink.Rtnl;

/**
 * The kernel through rtnetlink: the one place where the daemon changes the kernel's network state. Steps are sent
 * in two batches: link changes first (addressed by name), then addresses, routes, proxy and flood entries, which need
 * the interface indexes of links the first batch may have created. Link kinds are {@link LinkKinds}' business.
 */
public final class NetlinkKernel implements KernelPort {

    private static final int RT_TABLE_MAIN = 254;
    private static final int DUMP_ATTEMPTS = 5;

    private final Rtnl rtnl;
    private final Optional<String> uplink;
    /** Index and MAC of every owned link in the last dump, for a takeover's announcements (no lookup per link). */
    private volatile Map<String, LinkIdentity> identities = Map.of();

    /** @param uplink the interface whose proxy entries the daemon manages (see {@link #observe()}) */
    public NetlinkKernel(Rtnl rtnl, Optional<String> uplink) {
        this.rtnl = rtnl;
        this.uplink = uplink;
    }

    /**
     * Owned objects: links whose alias marks them ({@link Ownership}), the addresses on those links except the
     * kernel's own IPv6 link-local ones, main-table routes with {@link Ownership#ROUTE_PROTOCOL}, and proxy entries
     * on the uplink whose address one of those routes carries (proxy entries have no owner mark; they are removed
     * before their route, so an owned one always has its route).
     */
    @Override
    public KernelState observe() {
        for (int attempt = 1; ; attempt++) {
            try {
                return dump();
            } catch (DumpInterruptedException e) {
                // the kernel changed mid-dump (NLM_F_DUMP_INTR): the answer may be inconsistent, so read it again
                if (attempt == DUMP_ATTEMPTS) {
                    throw new KernelException("the kernel's state kept changing during " + DUMP_ATTEMPTS + " dumps", e);
                }
            }
        }
    }

    /** Index and MAC of each owned link as the last {@link #observe()} saw it. */
    public Map<String, LinkIdentity> observedIdentities() {
        return identities;
    }

    private KernelState dump() {
        try {
            List<Link> all = rtnl.links().list();
            Map<Integer, String> names = new HashMap<>();
            all.forEach(l -> names.put(l.index(), l.name()));
            Map<String, OwnedLink> owned = new HashMap<>();
            Map<Integer, String> ownedByIndex = new HashMap<>();
            Map<String, LinkIdentity> seen = new HashMap<>();
            for (Link l : all) {
                ownedLink(l, names).ifPresent(o -> {
                    owned.put(o.name(), o);
                    ownedByIndex.put(l.index(), o.name());
                    l.address().filter(mac -> mac.bytes().length == 6)
                            .ifPresent(mac -> seen.put(o.name(), new LinkIdentity(l.index(), mac.bytes())));
                });
            }
            identities = Map.copyOf(seen);
            Set<InterfaceAddress> addresses = new HashSet<>();
            for (Address a : rtnl.addresses().list()) {
                String link = ownedByIndex.get(a.linkIndex());
                if (link != null && !isKernelLinkLocal(a.prefix().address())) {
                    addresses.add(new InterfaceAddress(link, a.prefix().address(), a.prefix().length()));
                }
            }
            Set<HostRoute> routes = new HashSet<>();
            for (Route r : rtnl.routes().list(RT_TABLE_MAIN)) {
                if (r.protocol() == Ownership.ROUTE_PROTOCOL && r.destination().isHost() && r.outputInterface().isPresent()) {
                    String link = names.get(r.outputInterface().getAsInt());
                    if (link != null) {
                        routes.add(new HostRoute(r.destination().address(), link));
                    }
                }
            }
            Set<InetAddress> routed = new HashSet<>();
            routes.forEach(r -> routed.add(r.destination()));
            Set<ProxyNeighbour> proxies = new HashSet<>();
            for (Neighbour n : uplink.isPresent() ? rtnl.neighbours().listProxies() : List.<Neighbour>of()) {
                if (uplink.get().equals(names.get(n.linkIndex())) && routed.contains(n.destination())) {
                    proxies.add(new ProxyNeighbour(n.destination(), uplink.get()));
                }
            }
            return new KernelState(owned, addresses, routes, proxies, floods(all, ownedByIndex));
        } catch (DumpInterruptedException e) {
            throw e;
        } catch (NetlinkException e) {
            throw new KernelException("cannot read the kernel's network state: " + e.getMessage(), e);
        }
    }

    @Override
    public List<StepResult> apply(List<Step> steps) {
        Map<Step, List<String>> failures = new HashMap<>();
        try {
            Map<String, Integer> indexes = indexes();
            run(steps, true, indexes, failures);
            // the second batch addresses links by index: read them again only if the first batch created some
            boolean created = steps.stream().anyMatch(s -> s instanceof Step.CreateLink && !failures.containsKey(s));
            run(steps, false, created ? indexes() : indexes, failures);
        } catch (NetlinkException e) {
            steps.forEach(s -> failures.computeIfAbsent(s, k -> new ArrayList<>()).add(e.getMessage()));
        }
        List<StepResult> results = new ArrayList<>(steps.size());
        for (Step s : steps) {
            List<String> f = failures.get(s);
            results.add(f == null ? StepResult.done(s) : StepResult.failed(s, String.join("; ", f)));
        }
        return results;
    }

    /** Sends the link steps ({@code links == true}) or the others, as one batch, and records failures per step. */
    private void run(List<Step> steps, boolean links, Map<String, Integer> indexes, Map<Step, List<String>> failures) {
        Batch batch = rtnl.batch();
        List<Step> owners = new ArrayList<>();
        for (Step s : steps) {
            if (isLinkStep(s) != links || failures.containsKey(s)) {
                continue;
            }
            int before = batch.size();
            Optional<String> problem = add(batch, s, indexes);
            if (problem.isPresent()) {
                failures.computeIfAbsent(s, k -> new ArrayList<>()).add(problem.get());
            }
            for (int i = before; i < batch.size(); i++) {
                owners.add(s);
            }
        }
        BatchResult result = batch.execute();
        for (int i = 0; i < result.outcomes().size(); i++) {
            Step s = owners.get(i);
            result.outcomes().get(i).failure().filter(e -> !harmless(s, e))
                    .ifPresent(e -> failures.computeIfAbsent(s, k -> new ArrayList<>()).add(e.getMessage()));
        }
    }

    private static boolean isLinkStep(Step s) {
        return s instanceof Step.CreateLink || s instanceof Step.SetLinkState || s instanceof Step.DeleteLink;
    }

    /** Deleting what is already gone, or adding what is already there, is success: steps are idempotent. */
    private static boolean harmless(Step s, NetlinkException e) {
        boolean delete = s instanceof Step.DeleteLink || s instanceof Step.DeleteAddress
                || s instanceof Step.DeleteRoute || s instanceof Step.DeleteProxy || s instanceof Step.DeleteFlood;
        boolean add = s instanceof Step.AddAddress || s instanceof Step.AddProxy || s instanceof Step.AddFlood;
        return (delete && e.isNotFound()) || (add && e.isAlreadyExists());
    }

    private Optional<String> add(Batch batch, Step step, Map<String, Integer> indexes) {
        if (step instanceof Step.CreateLink s) {
            OwnedLink link = s.link();
            StringBuilder problem = new StringBuilder();
            Optional<LinkKind> kind = LinkKinds.toKernel(link.spec(), indexes, problem);
            if (kind.isEmpty()) {
                return Optional.of(problem.toString());
            }
            batch.addLink(link.name(), kind.get());
            batch.setLinkAlias(link.name(), Ownership.alias(link.network()));
            setState(batch, link);
        } else if (step instanceof Step.SetLinkState s) {
            setState(batch, s.link());
        } else if (step instanceof Step.DeleteLink s) {
            batch.deleteLink(s.name());
        } else if (step instanceof Step.AddAddress s) {
            return onLink(indexes, s.address().link(), i -> batch.addAddress(added(i, s.address())));
        } else if (step instanceof Step.DeleteAddress s) {
            return onLink(indexes, s.address().link(), i -> batch.deleteAddress(address(i, s.address())));
        } else if (step instanceof Step.AddRoute s) {
            return onLink(indexes, s.route().link(), i -> batch.replaceRoute(route(i, s.route())));
        } else if (step instanceof Step.DeleteRoute s) {
            return onLink(indexes, s.route().link(), i -> batch.deleteRoute(route(i, s.route())));
        } else if (step instanceof Step.AddProxy s) {
            return onLink(indexes, s.proxy().link(), i -> batch.addProxyNeighbour(i, s.proxy().address()));
        } else if (step instanceof Step.DeleteProxy s) {
            return onLink(indexes, s.proxy().link(), i -> batch.deleteProxyNeighbour(i, s.proxy().address()));
        } else if (step instanceof Step.AddFlood s) {
            return onLink(indexes, s.flood().link(), i -> batch.appendFdb(FdbEntry.flood(i, s.flood().remote())));
        } else if (step instanceof Step.DeleteFlood s) {
            return onLink(indexes, s.flood().link(), i -> batch.deleteFdb(FdbEntry.flood(i, s.flood().remote())));
        }
        return Optional.empty();
    }

    private static void setState(Batch batch, OwnedLink link) {
        if (link.mtu() > 0) {
            batch.setLinkMtu(link.name(), link.mtu());
        }
        if (link.up()) {
            batch.setLinkUp(link.name());
        } else {
            batch.setLinkDown(link.name());
        }
    }

    private static Optional<String> onLink(Map<String, Integer> indexes, String link,
                                           java.util.function.IntConsumer action) {
        Integer index = indexes.get(link);
        if (index == null) {
            return Optional.of("link " + link + " not found");
        }
        action.accept(index);
        return Optional.empty();
    }

    /**
     * IPv6 without duplicate address detection: a router pair in gate mode holds every gateway on both routers (the
     * backup's gate keeps it silent), and DAD would mark the second one failed; on a router of its own a gateway that
     * stays tentative for a second answers nobody either. keepalived adds its virtual IPv6 addresses the same way.
     */
    private static Address added(int index, InterfaceAddress a) {
        Address address = address(index, a);
        return a.address() instanceof java.net.Inet6Address ? address.withoutDad() : address;
    }

    private static Address address(int index, InterfaceAddress a) {
        return Address.of(index, new IpPrefix(a.address(), a.prefixLength()));
    }

    private static Route route(int index, HostRoute r) {
        return Route.hostRoute(r.destination(), index, Ownership.ROUTE_PROTOCOL);
    }

    private Map<String, Integer> indexes() {
        Map<String, Integer> indexes = new HashMap<>();
        rtnl.links().list().forEach(l -> indexes.put(l.name(), l.index()));
        return indexes;
    }

    /** The fe80::/64 address the kernel gives every IPv6-capable link: not ours, never diffed. */
    private static boolean isKernelLinkLocal(InetAddress address) {
        return address instanceof java.net.Inet6Address && address.isLinkLocalAddress();
    }

    private static Optional<OwnedLink> ownedLink(Link l, Map<Integer, String> names) {
        Optional<String> network = l.alias().flatMap(Ownership::networkOf);
        if (network.isEmpty()) {
            return Optional.empty();
        }
        return LinkKinds.fromKernel(l, names).map(spec -> new OwnedLink(l.name(), spec, network.get(), l.mtu(),
                l.isUp()));
    }

    /**
     * Flood entries on owned VXLAN links, less the one the kernel adds itself for a device's multicast group (it
     * goes with the device). The forwarding tables are read only when there are such links.
     */
    private Set<FloodEntry> floods(List<Link> all, Map<Integer, String> ownedByIndex) {
        Map<Integer, Optional<InetAddress>> groups = new HashMap<>();
        for (Link l : all) {
            if (ownedByIndex.containsKey(l.index()) && l.kind() instanceof LinkKind.Vxlan vxlan) {
                groups.put(l.index(), vxlan.destination());
            }
        }
        Set<FloodEntry> floods = new HashSet<>();
        if (groups.isEmpty()) {
            return floods;
        }
        for (FdbEntry e : rtnl.fdb().list()) {
            Optional<InetAddress> group = groups.get(e.linkIndex());
            if (group != null && e.isFlood() && !e.remote().equals(group)) {
                floods.add(new FloodEntry(ownedByIndex.get(e.linkIndex()), e.remote().get()));
            }
        }
        return floods;
    }
}
