package org.linuxrouter.daemon.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.linuxrouter.daemon.kernel.InterfaceProbe;
import org.linuxrouter.daemon.reconcile.DesiredKernel;
import org.linuxrouter.daemon.reconcile.DesiredSnapshot;
import org.linuxrouter.daemon.reconcile.NetworkOutcome;
import org.linuxrouter.daemon.reconcile.Reconciler;
import org.linuxrouter.daemon.reconcile.Topology;
import org.linuxrouter.daemon.services.dhcp.DnsmasqStatus;
import org.linuxrouter.daemon.store.DesiredState;
import org.linuxrouter.daemon.store.NetworkRecord;
import org.linuxrouter.daemon.store.StateStore;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NetworkStatus;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.PairState;
import org.linuxrouter.protocol.model.PasswordAck;
import org.linuxrouter.protocol.model.RouterStatus;
import org.linuxrouter.protocol.model.Secret;
import org.linuxrouter.protocol.model.ServiceState;
import org.linuxrouter.protocol.model.Uuid;

/**
 * Where desired state changes: every write is checked, persisted, then handed to the reconciler, and answered
 * only once a reconcile pass that saw it has finished. Writes are serialised; reads see the last persisted state.
 * A write the kernel refused stays stored (the reconciler keeps retrying), and its state says why.
 */
public final class NetworkService {

    private static final int MAX_ERROR = 4096;
    private static final System.Logger LOG = System.getLogger(NetworkService.class.getName());

    private final StateStore store;
    private final Reconciler reconciler;
    private final Topology topology;
    private final NetworkPolicy policy;
    private final Duration applyTimeout;
    private final String version;
    private volatile DesiredState state;
    private volatile DesiredSnapshot snapshot;
    private volatile Supplier<Optional<PairState>> pair = Optional::empty;
    private final Supplier<Optional<DnsmasqStatus>> dnsmasq;
    private final List<Consumer<DesiredState>> listeners = new CopyOnWriteArrayList<>();
    private volatile Supplier<ServiceState> metadataState = () -> ServiceState.OFF;
    private volatile Supplier<ServiceState> antiSpoofingState = () -> ServiceState.OFF;

    /**
     * @param reconcilers builds the reconciler from the supplier of desired snapshots this service maintains
     */
    public NetworkService(StateStore store, Function<Supplier<DesiredSnapshot>, Reconciler> reconcilers,
                          Topology topology, Duration applyTimeout, String version) {
        this(store, reconcilers, topology, InterfaceProbe.sysfs(), applyTimeout, version);
    }

    /** @param interfaces what the API checks VXLAN underlays against (the daemon's namespace in production) */
    public NetworkService(StateStore store, Function<Supplier<DesiredSnapshot>, Reconciler> reconcilers,
                          Topology topology, InterfaceProbe interfaces, Duration applyTimeout, String version) {
        this(store, reconcilers, topology, interfaces, applyTimeout, version, Optional::empty);
    }

    /** @param dnsmasq the guest DHCP/DNS dnsmasq's state for {@code /v1/status}; empty when the service is off */
    public NetworkService(StateStore store, Function<Supplier<DesiredSnapshot>, Reconciler> reconcilers,
                          Topology topology, InterfaceProbe interfaces, Duration applyTimeout, String version,
                          Supplier<Optional<DnsmasqStatus>> dnsmasq) {
        this.dnsmasq = dnsmasq;
        this.store = store;
        this.topology = topology;
        this.policy = new NetworkPolicy(topology, interfaces);
        this.applyTimeout = applyTimeout;
        this.version = version;
        publish(store.load());
        this.reconciler = reconcilers.apply(this::snapshot);
    }

    public Reconciler reconciler() {
        return reconciler;
    }

    /** What the reconciler works from: the kernel objects of the current desired state. */
    public DesiredSnapshot snapshot() {
        return snapshot;
    }

    /**
     * Calls {@code listener} with the current desired state now and with every new one, on the writing thread,
     * before the write is acknowledged: a guest service fed this way is never behind an answered write.
     */
    public void onChange(Consumer<DesiredState> listener) {
        synchronized (this) {
            listeners.add(listener);
            listener.accept(state);
        }
    }

    /** Where {@link #status()} learns the state of the guest services the configuration switches. */
    public void reportServices(Supplier<ServiceState> metadata, Supplier<ServiceState> antiSpoofing) {
        this.metadataState = metadata;
        this.antiSpoofingState = antiSpoofing;
    }

    /** Creates or replaces a network's spec (its NICs stay). Idempotent: the same spec again changes nothing. */
    public Applied<NetworkState> putNetwork(NetworkSpec spec) throws InterruptedException {
        synchronized (this) {
            policy.check(spec, state);
            commit(state.withNetwork(spec));
        }
        return awaitApplied(spec.uuid());
    }

    /** Creates or replaces a NIC of an existing network. */
    public Applied<NetworkState> putNic(Uuid network, NicSpec nic) throws InterruptedException {
        synchronized (this) {
            if (state.network(network).isEmpty()) {
                throw new NotFoundException("network " + network + " not found");
            }
            commit(state.withNic(network, withoutConsumedPassword(network, nic)));
        }
        return awaitApplied(network);
    }

    /**
     * A password whose SHA-256 is the NIC's tombstone (its guest already fetched and acknowledged it, here or on the
     * peer router) is not stored again: the plugin's resync of a router that missed the push, or a PUT that arrives
     * after the peer's acknowledgement, would otherwise hand it out a second time after a failover. The rest of the
     * NIC is stored as always, and the write is answered as a success (the sender has nothing to retry).
     */
    private NicSpec withoutConsumedPassword(Uuid network, NicSpec nic) {
        Optional<PasswordAck> consumed = state.consumedPassword(nic.uuid());
        if (consumed.isPresent() && nic.password().filter(consumed.get()::matches).isPresent()) {
            LOG.log(System.Logger.Level.INFO, "network {0} nic {1}: password not stored: its guest already fetched"
                    + " and acknowledged it (here or on the peer router)", network, nic.uuid());
            return nic.newBuilder().password(null).build();
        }
        return nic;
    }

    /** Removes a network and all the kernel objects it had, waiting for the pass that does it. Idempotent. */
    public void deleteNetwork(Uuid network) throws InterruptedException {
        synchronized (this) {
            commit(state.withoutNetwork(network));
        }
        reconciler.await(reconciler.requestPass(), applyTimeout);
    }

    /**
     * The guest acknowledged its one-time password (the password server's {@code saved_password}): it is removed
     * from desired state and its SHA-256 becomes the NIC's tombstone, both persisted in one write, so it is not
     * served again, even after a restart, and a later PUT of the same password is not stored. The password is only
     * removed while the NIC still holds it (not one CloudStack set meanwhile). No reconcile pass: no kernel object
     * depends on a password.
     */
    public void forgetPassword(Uuid network, Uuid nic, Secret password) {
        consumed(network, nic, PasswordAck.of(password));
    }

    /**
     * The other router of the pair says a guest acknowledged this password there ({@code PUT .../password-ack}):
     * forgotten here too and recorded as the NIC's tombstone, on the same terms as {@link #forgetPassword}, also
     * when this router does not hold it (yet): a PUT bringing it later is then not stored. Returns whether a
     * password was forgotten; an unknown network or NIC is not an error, the sender must not retry.
     */
    public boolean acknowledgePassword(Uuid network, Uuid nic, PasswordAck ack) {
        return consumed(network, nic, ack);
    }

    private boolean consumed(Uuid network, Uuid nic, PasswordAck ack) {
        synchronized (this) {
            Optional<NicSpec> held = state.network(network).flatMap(r -> r.nic(nic))
                    .filter(n -> n.password().filter(ack::matches).isPresent());
            DesiredState next = held.map(n -> state.withNic(network, n.newBuilder().password(null).build()))
                    .orElse(state);
            commit(next.withConsumedPassword(network, nic, ack));
            return held.isPresent();
        }
    }

    /** Removes a NIC; a missing NIC is fine, a missing network is 404. */
    public Applied<NetworkState> deleteNic(Uuid network, Uuid nic) throws InterruptedException {
        synchronized (this) {
            if (state.network(network).isEmpty()) {
                throw new NotFoundException("network " + network + " not found");
            }
            commit(state.withoutNic(network, nic));
        }
        return awaitApplied(network);
    }

    /** The whole desired state as persisted, secrets included: for the guest services, never for answers. */
    public DesiredState desiredState() {
        return state;
    }

    public Optional<NetworkState> network(Uuid network) {
        return state.network(network).map(this::view);
    }

    public List<NetworkState> networks() {
        List<NetworkState> all = new ArrayList<>();
        state.networks().values().forEach(r -> all.add(view(r)));
        return all;
    }

    /** In a router pair: where {@link #status()} reads this router's VRRP role from. */
    public void reportPairWith(Supplier<Optional<PairState>> pairState) {
        this.pair = pairState;
    }

    public RouterStatus status() {
        DesiredState s = state;
        RouterStatus.Builder b = RouterStatus.builder().version(version).networks(s.networks().size())
                .nics(s.networks().values().stream().mapToInt(r -> r.nics().size()).sum())
                .metadata(metadataState.get()).antiSpoofing(antiSpoofingState.get());
        pair.get().ifPresent(b::pair);
        reconciler.lastPass().ifPresent(p -> {
            b.lastReconcile(p.started());
            List<Uuid> drifted = new ArrayList<>();
            p.drifted().forEach(d -> drifted.add(Uuid.parse(d)));
            b.drifted(drifted);
        });
        Optional<DnsmasqStatus> guestDns = dnsmasq.get();
        b.dnsmasq(guestDns.map(d -> d.state().name().toLowerCase(java.util.Locale.ROOT)).orElse("off"))
                .dnsmasqRestarts(guestDns.map(DnsmasqStatus::crashes).orElse(0L));
        return b.build();
    }

    private void commit(DesiredState next) {
        if (next != state) {
            store.save(next); // throws before anything is published: a failed save changes nothing
            publish(next);
        }
    }

    private void publish(DesiredState next) {
        DesiredKernel kernel = new DesiredKernel(topology);
        Map<String, Long> revisions = new HashMap<>();
        for (NetworkRecord r : next.networks().values()) {
            kernel.add(r.spec(), r.nics().values());
            revisions.put(r.uuid().value(), r.revision());
        }
        snapshot = new DesiredSnapshot(kernel.build(), kernel.proxyArpInterfaces(), revisions,
                kernel.virtualAddresses(), next);
        state = next;
        listeners.forEach(l -> l.accept(next));
    }

    private Applied<NetworkState> awaitApplied(Uuid network) throws InterruptedException {
        reconciler.await(reconciler.requestPass(), applyTimeout);
        NetworkState view = network(network).orElseThrow(() -> new NotFoundException("network " + network + " not found"));
        return new Applied<>(view, view.status().isApplied());
    }

    private NetworkState view(NetworkRecord r) {
        NetworkOutcome outcome = reconciler.outcome(r.uuid().value());
        NetworkStatus.Builder status = NetworkStatus.builder().desiredRevision(r.revision())
                .appliedRevision(Math.min(outcome.appliedRevision(), r.revision()));
        outcome.lastError().filter(e -> outcome.appliedRevision() < r.revision())
                .ifPresent(e -> status.lastError(e.length() > MAX_ERROR ? e.substring(0, MAX_ERROR) : e));
        // Answers never carry secrets: each becomes a "...Set" flag (openapi.yaml, NicSpec).
        List<NicSpec> shown = new ArrayList<>();
        r.nics().values().forEach(nic -> shown.add(nic.redacted()));
        return NetworkState.builder().spec(r.spec()).nics(shown).status(status.build()).build();
    }

    /** A write's answer: the network as it is now, and whether the kernel already matches it. */
    public record Applied<T>(T value, boolean applied) {
    }

    /** The addressed network does not exist (404). */
    public static final class NotFoundException extends RuntimeException {
        public NotFoundException(String message) {
            super(message);
        }
    }
}
