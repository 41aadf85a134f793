package org.linuxrouter.daemon.services.firewall;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.linuxrouter.daemon.reconcile.DesiredKernel;
import org.linuxrouter.daemon.reconcile.Topology;
import org.linuxrouter.daemon.store.DesiredState;
import org.linuxrouter.daemon.store.NetworkRecord;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.NicSpec;

/**
 * The guarded interfaces desired state asks for: every network's link (the one the reconciler gives it), with every
 * NIC's MAC and addresses, whatever services the network has: the router forwards for all of them. A network whose
 * link cannot be named is left out (the reconciler reports it). Reuses the value built for a record that is the very
 * same object as last time, which also tells {@link AntiSpoofing} that interface's elements did not change.
 */
public final class GuardFeed {

    private final Topology topology;
    private Map<NetworkRecord, GuardedInterface> built = new IdentityHashMap<>();

    public GuardFeed(Topology topology) {
        this.topology = topology;
    }

    public synchronized List<GuardedInterface> interfaces(DesiredState state) {
        Map<NetworkRecord, GuardedInterface> next = new IdentityHashMap<>();
        List<GuardedInterface> out = new ArrayList<>();
        for (NetworkRecord r : state.networks().values()) {
            GuardedInterface g = built.get(r);
            if (g == null) {
                try {
                    g = guarded(r, DesiredKernel.linkName(r.spec(), topology));
                } catch (IllegalArgumentException e) {
                    continue;
                }
            }
            next.put(r, g);
            out.add(g);
        }
        built = next;
        return out;
    }

    static GuardedInterface guarded(NetworkRecord r, String link) {
        List<GuestBinding> guests = new ArrayList<>();
        for (NicSpec nic : r.nics().values()) {
            List<Inet4Address> v4 = new ArrayList<>();
            List<Inet6Address> v6 = new ArrayList<>();
            for (IpAddress a : nic.ipv4()) {
                v4.add((Inet4Address) a.toInetAddress());
            }
            for (IpAddress a : nic.ipv6()) {
                v6.add((Inet6Address) a.toInetAddress());
            }
            guests.add(new GuestBinding(nic.mac(), v4, v6));
        }
        return new GuardedInterface(InterfaceName.of(link), guests);
    }
}
