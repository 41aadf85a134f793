package org.linuxrouter.daemon.services.peer;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.linuxrouter.daemon.config.PeerConfig;
import org.linuxrouter.daemon.services.vrrp.VrrpState;
import org.linuxrouter.daemon.tls.SecretFile;
import org.linuxrouter.protocol.auth.RouterSecret;
import org.linuxrouter.protocol.client.HttpRouterClient;
import org.linuxrouter.protocol.client.RouterClientConfig;
import org.linuxrouter.protocol.client.RouterClientException;
import org.linuxrouter.protocol.client.RouterRejectedException;
import org.linuxrouter.protocol.model.PairState;
import org.linuxrouter.protocol.model.PasswordAck;
import org.linuxrouter.protocol.model.PeerState;
import org.linuxrouter.protocol.model.RouterStatus;
import org.linuxrouter.protocol.model.Secret;
import org.linuxrouter.protocol.model.Uuid;

/**
 * This daemon's link to the other router's daemon ({@code pair_peer_url}), two threads over the signed HTTPS API:
 * <ul>
 * <li>the <b>sender</b> delivers the {@link ForgetOutbox} oldest first ({@code PUT .../password-ack}); an entry
 * leaves the outbox only once the peer answered 2xx, and failures back off from 0.5 s doubling to 30 s, so a peer
 * that is down or unreachable for hours gets every acknowledgement when it returns;</li>
 * <li>the <b>poller</b> reads the peer's {@code /v1/status} every {@code pair_peer_poll_interval}. When this router
 * and the peer both report MASTER in two polls in a row, it is a split brain: the VRRP link between them is cut
 * (VRRP cannot see the peer) while the management path still works. It is logged, shown in {@code /v1/status}
 * and counted; it clears at the first poll that does not see both MASTER, which is when VRRP has elected one
 * master again.</li>
 * </ul>
 * The peer's secret file is read when a client is first needed and again after a 401 (the peer rotated it), so a
 * file the operator copies later, or fixes, is picked up without a restart.
 */
public final class PeerChannel implements AutoCloseable {

    private static final Logger LOG = System.getLogger(PeerChannel.class.getName());
    static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** Polls in a row that must see both MASTER: one could be the instant of a preempting takeover. */
    static final int SPLIT_BRAIN_POLLS = 2;
    private static final int MAX_ERROR = 4096;

    private final PeerConfig config;
    private final ForgetOutbox outbox;
    private final Supplier<VrrpState> localRole;
    private final Clock clock;
    private final Thread sender;
    private final Thread poller;
    private final Object wake = new Object();
    private final LongAdder delivered = new LongAdder();
    private volatile boolean closed;
    private HttpRouterClient client; // guarded by this

    private final Object lock = new Object();
    private boolean reachable;            // guarded by lock
    private PairState.Role peerRole;      // guarded by lock; null before the first answer
    private Instant lastContact;           // guarded by lock
    private String pollError;             // guarded by lock
    private String deliveryError;         // guarded by lock
    private int bothMaster;               // guarded by lock: polls in a row that saw both MASTER
    private boolean splitBrain;           // guarded by lock
    private long splitBrains;             // guarded by lock

    public PeerChannel(PeerConfig config, ForgetOutbox outbox, Supplier<VrrpState> localRole, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.localRole = Objects.requireNonNull(localRole, "localRole");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sender = new Thread(this::sendLoop, "peer-sender");
        this.poller = new Thread(this::pollLoop, "peer-poller");
        sender.setDaemon(true);
        poller.setDaemon(true);
    }

    public void start() {
        LOG.log(Level.INFO, "peer channel to {0}: {1} password acknowledgements queued", config.url(), outbox.size());
        sender.start();
        poller.start();
    }

    /**
     * A guest acknowledged {@code password} here: queue the acknowledgement for the peer (durable before this
     * returns) and wake the sender.
     */
    public void acknowledged(Uuid network, Uuid nic, Secret password) {
        outbox.add(new PendingForget(network, nic, PasswordAck.of(password), clock.instant()));
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** {@code local} with what this channel sees of the peer. */
    public PairState decorate(PairState local) {
        synchronized (lock) {
            String error = pollError != null ? pollError : deliveryError;
            return local.withPeer(splitBrain, PeerState.of(reachable, peerRole, lastContact,
                    error == null ? null : clip(error), outbox.size(), splitBrains));
        }
    }

    public boolean splitBrain() {
        synchronized (lock) {
            return splitBrain;
        }
    }

    /** Acknowledgements the peer accepted since the daemon started. */
    public long delivered() {
        return delivered.sum();
    }

    private void pollLoop() {
        while (!closed) {
            long started = System.nanoTime();
            pollOnce();
            long left = config.pollInterval().toNanos() - (System.nanoTime() - started);
            if (!pause(Duration.ofNanos(Math.max(left, 0)))) {
                return;
            }
        }
    }

    void pollOnce() {
        Optional<PairState.Role> role = Optional.empty();
        String error = null;
        try {
            RouterStatus status = client().status();
            role = Optional.of(status.pair().map(PairState::role).orElse(PairState.Role.UNKNOWN));
        } catch (RouterClientException | RuntimeException e) {
            error = "status: " + e.getMessage();
            forgetClientOn401(e);
        }
        VrrpState local = localRole.get();
        synchronized (lock) {
            reachable = role.isPresent();
            if (reachable) {
                peerRole = role.get();
                lastContact = clock.instant();
                if (pollError != null) {
                    LOG.log(Level.INFO, "peer {0} answers again", config.url());
                }
            } else if (pollError == null) {
                LOG.log(Level.WARNING, "peer {0} does not answer: {1}", config.url(), error);
            }
            pollError = error;
            boolean both = reachable && local == VrrpState.MASTER && peerRole == PairState.Role.MASTER;
            bothMaster = both ? bothMaster + 1 : 0;
            if (bothMaster >= SPLIT_BRAIN_POLLS && !splitBrain) {
                splitBrain = true;
                splitBrains++;
                LOG.log(Level.ERROR, "SPLIT BRAIN: this router and its peer {0} are both VRRP MASTER and both hold"
                        + " the gateways; the VRRP link between them is cut or drops advertisements", config.url());
            } else if (!both && splitBrain) {
                splitBrain = false;
                LOG.log(Level.WARNING, "split brain over: this router is {0}, peer {1} is {2}", local, config.url(),
                        reachable ? peerRole : "not answering");
            }
        }
    }

    private void sendLoop() {
        Duration backoff = INITIAL_BACKOFF;
        while (!closed) {
            Optional<PendingForget> next = outbox.oldest();
            if (next.isEmpty()) {
                synchronized (wake) {
                    try {
                        if (outbox.size() == 0 && !closed) {
                            wake.wait(1_000);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                continue;
            }
            if (deliver(next.get())) {
                backoff = INITIAL_BACKOFF;
            } else {
                if (!pause(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** True when the entry left the outbox (accepted, or refused as malformed, which no retry would change). */
    boolean deliver(PendingForget forget) {
        try {
            client().acknowledgePassword(forget.network(), forget.nic(), forget.ack());
            outbox.remove(forget);
            delivered.increment();
            synchronized (lock) {
                deliveryError = null;
            }
            LOG.log(Level.INFO, "peer {0} forgot the acknowledged password of nic {1}", config.url(), forget.nic());
            return true;
        } catch (RouterRejectedException e) {
            if (e.problem().status() == 400) {
                outbox.remove(forget);
                LOG.log(Level.ERROR, "peer {0} refused the acknowledgement of nic {1} as malformed, dropped: {2}",
                        config.url(), forget.nic(), e.getMessage());
                return true;
            }
            return failed(forget, e);
        } catch (RouterClientException | RuntimeException e) {
            return failed(forget, e);
        }
    }

    private boolean failed(PendingForget forget, Exception e) {
        forgetClientOn401(e);
        synchronized (lock) {
            if (deliveryError == null) {
                LOG.log(Level.WARNING, "peer {0}: acknowledgement of nic {1} not delivered, will retry: {2}",
                        config.url(), forget.nic(), e.getMessage());
            }
            deliveryError = "password-ack: " + e.getMessage();
        }
        return false;
    }

    private synchronized HttpRouterClient client() {
        if (client == null) {
            // Throws (and is retried next time) while the file is missing or malformed.
            RouterSecret secret;
            try {
                secret = new SecretFile(config.secretFile()).load();
            } catch (RuntimeException e) {
                throw new IllegalStateException("pair_peer_secret_file: " + e.getMessage(), e);
            }
            client = new HttpRouterClient(RouterClientConfig.builder().baseUrl(config.url())
                    .secret(secret).pin(config.fingerprint())
                    .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(5)).maxAttempts(1)
                    .build());
        }
        return client;
    }

    private synchronized void forgetClientOn401(Exception e) {
        if (e instanceof RouterRejectedException r && r.problem().status() == 401) {
            client = null;
        }
    }

    /** Sleeps; false once closed or interrupted. */
    private boolean pause(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static String clip(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", " ");
        return printable.length() > MAX_ERROR ? printable.substring(0, MAX_ERROR) : printable;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        sender.interrupt();
        poller.interrupt();
        sender.join(5_000);
        poller.join(5_000);
    }
}
