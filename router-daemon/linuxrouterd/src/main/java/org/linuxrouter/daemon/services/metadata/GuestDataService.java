package org.linuxrouter.daemon.services.metadata;

import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The state both listeners answer from: the current {@link MetadataDirectory} and the passwords guests have
 * acknowledged but desired state may still hold (the acknowledgement is persisted asynchronously to the answer).
 * Thread-safe; the directory is replaced whole on every change of desired state.
 */
public final class GuestDataService {

    private final PasswordAcknowledger acknowledger;
    private volatile MetadataDirectory directory = MetadataDirectory.EMPTY;
    /** nic uuid → the password it acknowledged; hides that password until desired state no longer has it. */
    private final Map<String, Acked> acknowledged = new ConcurrentHashMap<>();
    private final LongAdder answered = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder passwordsSent = new LongAdder();
    private final LongAdder passwordsAcknowledged = new LongAdder();

    public GuestDataService(PasswordAcknowledger acknowledger) {
        this.acknowledger = Objects.requireNonNull(acknowledger, "acknowledger");
    }

    /** Installs what desired state now says; forgets acknowledgements desired state has caught up with. */
    public void update(MetadataDirectory next) {
        directory = Objects.requireNonNull(next, "directory");
        acknowledged.entrySet().removeIf(e -> !next.holdsPassword(e.getValue().network(), e.getKey(),
                e.getValue().password()));
    }

    public MetadataDirectory directory() {
        return directory;
    }

    /** The NIC a connection speaks for, with an acknowledged password already hidden. */
    Optional<GuestNic> lookup(InetAddress local, InetAddress peer) {
        Optional<GuestNic> nic = directory.lookup(local, peer);
        if (nic.isEmpty()) {
            refused.increment();
            return nic;
        }
        answered.increment();
        GuestNic n = nic.get();
        Acked acked = acknowledged.get(n.nic());
        return acked != null && n.password().filter(acked.password()::equals).isPresent()
                ? Optional.of(n.withoutPassword()) : nic;
    }

    /** The guest saved its password: stop serving it now, and have desired state forget it. */
    void acknowledge(GuestNic nic) {
        nic.password().ifPresent(p -> {
            acknowledged.put(nic.nic(), new Acked(nic.network(), p));
            passwordsAcknowledged.increment();
            acknowledger.forget(nic.network(), nic.nic(), p);
        });
    }

    void countPasswordSent() {
        passwordsSent.increment();
    }

    private record Acked(String network, String password) {
    }

    /** Requests answered for a known guest. */
    public long answered() {
        return answered.sum();
    }

    /** Requests from a (router address, guest address) pair that serves no NIC: answered with nothing. */
    public long refused() {
        return refused.sum();
    }

    public long passwordsSent() {
        return passwordsSent.sum();
    }

    public long passwordsAcknowledged() {
        return passwordsAcknowledged.sum();
    }
}
