package org.linuxrouter.cloudstack.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.linuxrouter.protocol.client.RouterClient;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NetworkStatus;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Plan;
import org.linuxrouter.protocol.model.RouterStatus;
import org.linuxrouter.protocol.model.Uuid;

/**
 * A router in memory with linuxrouterd's write semantics (a put of the same spec changes nothing and keeps the
 * revision; deletes of what is gone succeed), recording every call. {@link #refuseInKernel} makes writes come back
 * stored but not applied, as the daemon answers when the kernel refused a change.
 */
public final class RecordingRouterClient implements RouterClient {
    private final Map<Uuid, NetworkSpec> specs = new LinkedHashMap<>();
    private final Map<Uuid, Map<Uuid, NicSpec>> nics = new LinkedHashMap<>();
    private final Map<Uuid, Long> revisions = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private String kernelError;

    /** Every call so far, e.g. {@code putNetwork 3f25...}, {@code deleteNic 3f25.../0a1b...}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public void refuseInKernel(String error) {
        this.kernelError = error;
    }

    public long revision(String network) {
        return revisions.getOrDefault(Uuid.parse(network), 0L);
    }

    /** Stores state directly, as if the router held it before (no call recorded). */
    public void preload(NetworkSpec spec, List<NicSpec> held) {
        specs.put(spec.uuid(), spec);
        Map<Uuid, NicSpec> map = new LinkedHashMap<>();
        held.forEach(n -> map.put(n.uuid(), n));
        nics.put(spec.uuid(), map);
        revisions.put(spec.uuid(), 1L);
    }

    @Override
    public synchronized NetworkState putNetwork(NetworkSpec spec) {
        calls.add("putNetwork " + spec.uuid());
        if (!spec.equals(specs.get(spec.uuid()))) {
            specs.put(spec.uuid(), spec);
            nics.putIfAbsent(spec.uuid(), new LinkedHashMap<>());
            revisions.merge(spec.uuid(), 1L, Long::sum);
        }
        return state(spec.uuid());
    }

    @Override
    public synchronized Optional<NetworkState> getNetwork(Uuid network) {
        calls.add("getNetwork " + network);
        return specs.containsKey(network) ? Optional.of(state(network)) : Optional.empty();
    }

    @Override
    public synchronized List<NetworkState> listNetworks() {
        calls.add("listNetworks");
        List<NetworkState> all = new ArrayList<>();
        specs.keySet().forEach(u -> all.add(state(u)));
        return all;
    }

    @Override
    public synchronized void deleteNetwork(Uuid network) {
        calls.add("deleteNetwork " + network);
        specs.remove(network);
        nics.remove(network);
        revisions.remove(network);
    }

    @Override
    public synchronized NetworkState putNic(Uuid network, NicSpec nic) {
        calls.add("putNic " + network + "/" + nic.uuid());
        if (!specs.containsKey(network)) {
            throw new IllegalStateException("expected network " + network + " to exist before its nic (the daemon"
                    + " answers 404), got none");
        }
        if (!nic.equals(nics.get(network).put(nic.uuid(), nic))) {
            revisions.merge(network, 1L, Long::sum);
        }
        return state(network);
    }

    @Override
    public synchronized void deleteNic(Uuid network, Uuid nic) {
        calls.add("deleteNic " + network + "/" + nic);
        if (nics.containsKey(network) && nics.get(network).remove(nic) != null) {
            revisions.merge(network, 1L, Long::sum);
        }
    }

    @Override
    public synchronized RouterStatus status() {
        calls.add("status");
        return RouterStatus.builder().version("test").networks(specs.size())
                .nics(nics.values().stream().mapToInt(Map::size).sum()).build();
    }

    @Override
    public Plan plan() {
        calls.add("plan");
        return Plan.builder().build();
    }

    private NetworkState state(Uuid network) {
        long revision = revisions.get(network);
        NetworkStatus.Builder status = NetworkStatus.builder().desiredRevision(revision)
                .appliedRevision(kernelError == null ? revision : revision - 1);
        if (kernelError != null) {
            status.lastError(kernelError);
        }
        return NetworkState.builder().spec(specs.get(network)).nics(new ArrayList<>(nics.get(network).values()))
                .status(status.build()).build();
    }
}
