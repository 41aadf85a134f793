package org.linuxrouter.cloudstack.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.linuxrouter.cloudstack.client.NetworkRef;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Uuid;

/**
 * Pure: what CloudStack holds for a router × what the router reports → the repairs, in an order the router
 * accepts: per held network its spec, then its NICs (put, then delete of extras); then networks CloudStack does
 * not hold are deleted. A network the router holds under the same UUID but another spec is put again; so is a NIC,
 * compared as the router reports it (user data as "set", no password). A held NIC that carries a password (one kept
 * for this router because it missed it) is always put: the router lacks it. A NIC the router holds a password for
 * and CloudStack's view equals otherwise is not put again, not even when everything is pushed: a NIC put without
 * its password would erase one the VM has not fetched yet.
 */
public final class RepairPlanner {

    private RepairPlanner() {
    }

    public static List<Repair> plan(List<HeldNetwork> held, List<NetworkState> reported, SyncMode mode) {
        Map<Uuid, NetworkState> byUuid = new LinkedHashMap<>();
        reported.forEach(s -> byUuid.put(s.spec().uuid(), s));
        List<Repair> repairs = new ArrayList<>();
        for (HeldNetwork network : held) {
            Optional<NetworkState> there = Optional.ofNullable(byUuid.remove(network.spec().uuid()));
            repairs.addAll(repairsOf(network, there, mode));
        }
        for (NetworkState extra : byUuid.values()) {
            repairs.add(Repair.deleteNetwork(new NetworkRef(0, extra.spec().uuid().value(), extra.spec().name().orElse(null))));
        }
        return repairs;
    }

    private static List<Repair> repairsOf(HeldNetwork network, Optional<NetworkState> there, SyncMode mode) {
        List<Repair> repairs = new ArrayList<>();
        boolean push = mode == SyncMode.EVERYTHING || there.isEmpty();
        if (push || !there.get().spec().equals(network.spec())) {
            repairs.add(Repair.putNetwork(network.ref(), network.spec()));
        }
        Map<Uuid, NicSpec> reportedNics = new HashMap<>();
        there.ifPresent(s -> s.nics().forEach(n -> reportedNics.put(n.uuid(), n)));
        for (NicSpec nic : network.nics()) {
            NicSpec current = reportedNics.remove(nic.uuid());
            boolean differs = current == null || !asReported(nic).equals(asReported(current));
            boolean keptPassword = nic.password().isPresent();
            boolean wouldErasePassword = current != null && current.password().isPresent() && !keptPassword;
            if (differs || keptPassword || push && !wouldErasePassword) {
                repairs.add(Repair.putNic(network.ref(), nic));
            }
        }
        reportedNics.keySet().stream().sorted((a, b) -> a.value().compareTo(b.value()))
                .forEach(extra -> repairs.add(Repair.deleteNic(network.ref(), extra)));
        return repairs;
    }

    /**
     * A NIC as the router reports it: secrets only as "set", and without the one-time password, which CloudStack
     * hands only to the start that set it and the router forgets once the VM fetched it: neither side is drift.
     */
    private static NicSpec asReported(NicSpec nic) {
        return nic.redacted().newBuilder().password(null).build();
    }
}
