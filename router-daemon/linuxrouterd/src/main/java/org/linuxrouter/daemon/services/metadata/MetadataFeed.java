package org.linuxrouter.daemon.services.metadata;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.linuxrouter.daemon.store.DesiredState;
import org.linuxrouter.daemon.store.NetworkRecord;
import org.linuxrouter.protocol.model.GuestService;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Secret;

/**
 * The {@link MetadataDirectory} desired state asks for: every network that has the userdata service, answered on
 * its gateway address. Keeps the networks it built last time and reuses those whose record is the very same object
 * (desired state replaces only the records a write changed), so a NIC write rebuilds one network, not 4,094.
 */
public final class MetadataFeed {

    /** The key the virtual router serves the SSH keys under, one per line. */
    static final String PUBLIC_KEYS = "public-keys";

    private Map<NetworkRecord, GuestNetwork> built = new IdentityHashMap<>();

    public synchronized MetadataDirectory directory(DesiredState state) {
        Map<NetworkRecord, GuestNetwork> next = new IdentityHashMap<>();
        for (NetworkRecord r : state.networks().values()) {
            if (r.spec().offers(GuestService.USERDATA)) {
                GuestNetwork n = built.get(r);
                next.put(r, n != null ? n : network(r));
            }
        }
        built = next;
        return new MetadataDirectory(next.values());
    }

    static GuestNetwork network(NetworkRecord r) {
        String network = r.uuid().value();
        List<GuestNic> nics = new ArrayList<>();
        for (NicSpec nic : r.nics().values()) {
            nics.add(guest(network, nic));
        }
        Inet4Address gateway = (Inet4Address) r.spec().gateway4().address().toInetAddress();
        return new GuestNetwork(network, Set.of(gateway), nics);
    }

    /** The NIC's keys as CloudStack pushes them to a VR, plus public-keys from the NIC's own field. */
    static GuestNic guest(String network, NicSpec nic) {
        List<Inet4Address> addresses = new ArrayList<>();
        for (IpAddress a : nic.ipv4()) {
            addresses.add((Inet4Address) a.toInetAddress());
        }
        Map<String, String> metadata = new TreeMap<>(nic.metadata());
        if (!nic.sshPublicKeys().isEmpty()) {
            metadata.put(PUBLIC_KEYS, String.join("\n", nic.sshPublicKeys()));
        }
        return new GuestNic(network, nic.uuid().value(), addresses, metadata,
                nic.userData().map(Secret::reveal).orElse(""), nic.password().map(Secret::reveal));
    }
}
