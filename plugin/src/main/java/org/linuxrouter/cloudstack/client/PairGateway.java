package org.linuxrouter.cloudstack.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import javax.inject.Inject;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Uuid;

import com.cloud.exception.ResourceUnavailableException;

/**
 * Every change to a network, sent to each router that carries it (a router on its own, or both members of a
 * pair) through {@link RouterGateway}. A change succeeds when at least one member acknowledged it; a member that
 * did not is reported to {@link MissedChanges} (alert, lagging) and resynced later. When no member acknowledged,
 * the first member's {@link ResourceUnavailableException} is thrown with the others' attached as suppressed, as
 * for a single router. The one place the element, the guest services and anything else that changes a network go
 * through, so none of them can forget the second router. The members are asked at the same time, so a member
 * that does not answer (connect timeout) does not add its wait to the other's.
 *
 * <p>A NIC's one-time password that a member did not acknowledge is kept for it ({@link PendingPasswords}) and sent
 * with the NIC at its next PUT there; a member that acknowledged one no longer needs what was kept for it.
 */
public class PairGateway {
    private static final Logger LOG = LogManager.getLogger(PairGateway.class);
    /** Asks the second member while the calling thread asks the first; daemon threads, never blocking shutdown. */
    private static final ExecutorService SECOND_MEMBER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "linuxrouter-pair");
        t.setDaemon(true);
        return t;
    });

    @Inject
    private RouterGateway gateway;
    @Inject
    private MissedChanges missedChanges;
    @Inject
    private PendingPasswords pendingPasswords;

    public PairGateway() {
    }

    /** For tests and hand wiring. */
    public PairGateway(RouterGateway gateway, MissedChanges missedChanges, PendingPasswords pendingPasswords) {
        this.gateway = gateway;
        this.missedChanges = missedChanges;
        this.pendingPasswords = pendingPasswords;
    }

    /** Puts the network on each member, with that member's spec (each router's own trunk and VXLAN wiring). */
    public void putNetwork(RouterPair pair, NetworkRef network, Function<RouterEndpoint, NetworkSpec> specFor)
            throws ResourceUnavailableException {
        fanOut(pair, "put " + network, r -> gateway.putNetwork(r, network, specFor.apply(r)));
    }

    /**
     * Puts the NIC on each member; in a pair, a member's kept password goes with it when CloudStack hands none, and
     * a password a member does not acknowledge is kept for it.
     */
    public void putNic(RouterPair pair, NetworkRef network, NicSpec nic) throws ResourceUnavailableException {
        String change = "put nic " + nic.uuid() + " of " + network;
        if (!pair.isPair()) {
            fanOut(pair, change, r -> gateway.putNic(r, network, nic));
            return;
        }
        // read on this thread: CloudStack's DAOs belong to the calling thread's context
        Map<RouterEndpoint, NicSpec> sent = new LinkedHashMap<>();
        for (RouterEndpoint member : pair.members()) {
            sent.put(member, nic.password().isPresent() ? nic : pendingPasswords.keptFor(member, nic.uuid())
                    .map(kept -> nic.newBuilder().password(kept).build()).orElse(nic));
        }
        Map<RouterEndpoint, ResourceUnavailableException> failed = fanOut(pair, change,
                r -> gateway.putNic(r, network, sent.get(r)));
        sent.forEach((member, spec) -> spec.password().ifPresent(password -> {
            if (failed.containsKey(member)) {
                pendingPasswords.keep(member, nic.uuid(), password);
            } else if (nic.password().isPresent()) {
                pendingPasswords.replaced(member, nic.uuid());
            } else {
                pendingPasswords.delivered(member, nic.uuid(), password);
            }
        }));
    }

    public void deleteNic(RouterPair pair, NetworkRef network, Uuid nic) throws ResourceUnavailableException {
        fanOut(pair, "delete nic " + nic + " of " + network, r -> gateway.deleteNic(r, network, nic));
        if (pair.isPair()) {
            pendingPasswords.forgetNic(pair, nic);
        }
    }

    public void deleteNetwork(RouterPair pair, NetworkRef network) throws ResourceUnavailableException {
        fanOut(pair, "delete " + network, r -> gateway.deleteNetwork(r, network));
        if (pair.isPair()) {
            pendingPasswords.forgetNetwork(pair, network.id());
        }
    }

    /** Returns the members that did not acknowledge (reported to {@link MissedChanges}); throws if none did. */
    private Map<RouterEndpoint, ResourceUnavailableException> fanOut(RouterPair pair, String change, Change call)
            throws ResourceUnavailableException {
        List<RouterEndpoint> members = pair.members();
        List<CompletableFuture<ResourceUnavailableException>> others = new ArrayList<>();
        for (RouterEndpoint member : members.subList(1, members.size())) {
            others.add(CompletableFuture.supplyAsync(() -> attempt(call, member), SECOND_MEMBER));
        }
        Map<RouterEndpoint, ResourceUnavailableException> outcomes = new LinkedHashMap<>();
        outcomes.put(members.get(0), attempt(call, members.get(0)));
        for (int i = 0; i < others.size(); i++) {
            outcomes.put(members.get(i + 1), join(others.get(i)));
        }
        List<RouterEndpoint> applied = new ArrayList<>();
        Map<RouterEndpoint, ResourceUnavailableException> failed = new LinkedHashMap<>();
        outcomes.forEach((member, failure) -> {
            if (failure == null) {
                applied.add(member);
            } else {
                failed.put(member, failure);
            }
        });
        if (applied.isEmpty()) {
            List<ResourceUnavailableException> causes = new ArrayList<>(failed.values());
            ResourceUnavailableException first = causes.get(0);
            causes.subList(1, causes.size()).forEach(first::addSuppressed);
            throw first;
        }
        for (Map.Entry<RouterEndpoint, ResourceUnavailableException> miss : failed.entrySet()) {
            LOG.warn("{} did not acknowledge: {}; {} did. It is lagging until it is resynced: {}", miss.getKey(),
                    change, applied.get(0), miss.getValue().getMessage());
            missedChanges.missed(pair, miss.getKey(), applied.get(0), change, miss.getValue());
        }
        return failed;
    }

    /** Null when the member acknowledged, else why not. */
    private static ResourceUnavailableException attempt(Change call, RouterEndpoint member) {
        try {
            call.apply(member);
            return null;
        } catch (ResourceUnavailableException e) {
            return e;
        }
    }

    private static ResourceUnavailableException join(CompletableFuture<ResourceUnavailableException> outcome) {
        try {
            return outcome.join();
        } catch (CompletionException e) {
            // a runtime failure (a bug, not a router's answer) fails the operation as it would on the calling thread
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }

    /** One change to one member. */
    private interface Change {
        void apply(RouterEndpoint member) throws ResourceUnavailableException;
    }
}
