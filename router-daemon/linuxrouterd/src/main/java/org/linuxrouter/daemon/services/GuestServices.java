package org.linuxrouter.daemon.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linuxrouter.daemon.api.MetricsText;
import org.linuxrouter.daemon.api.NetworkService;
import org.linuxrouter.daemon.config.DaemonConfig;
import org.linuxrouter.daemon.reconcile.DesiredSnapshot;
import org.linuxrouter.daemon.reconcile.HostTuning;
import org.linuxrouter.daemon.reconcile.Topology;
import org.linuxrouter.daemon.services.firewall.AntiSpoofing;
import org.linuxrouter.daemon.services.firewall.GuardFeed;
import org.linuxrouter.daemon.services.firewall.GuardRuleset.Drop;
import org.linuxrouter.daemon.services.firewall.Nft;
import org.linuxrouter.daemon.services.metadata.GuestDataService;
import org.linuxrouter.daemon.services.metadata.GuestHttpServer;
import org.linuxrouter.daemon.services.metadata.MetadataFeed;
import org.linuxrouter.daemon.services.metadata.PasswordAcknowledger;
import org.linuxrouter.protocol.model.Secret;
import org.linuxrouter.protocol.model.ServiceState;
import org.linuxrouter.protocol.model.Uuid;

/**
 * The guest services the configuration switches on, wired to desired state: fed by
 * {@link NetworkService#onChange} (so a NIC is served as soon as its PUT is persisted), the firewall applied in
 * every reconcile pass after the links exist, their state in {@code /v1/status} and their counters in
 * {@code /metrics}.
 */
public final class GuestServices implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GuestServices.class.getName());

    private final DaemonConfig config;
    private final Optional<AntiSpoofing> guard;
    private GuestDataService data;
    private GuestHttpServer http;

    private GuestServices(DaemonConfig config, Optional<AntiSpoofing> guard) {
        this.config = config;
        this.guard = guard;
    }

    /**
     * The part the reconciler needs before it exists: the anti-spoofing table when switched on; when off, a table
     * an earlier run left behind is removed.
     */
    public static GuestServices prepare(DaemonConfig config) {
        Nft nft = new Nft(List.of("nft"), config.stateDir().resolve("nftables"));
        if (!config.antiSpoofing()) {
            AntiSpoofing.removeLeftover(nft);
            return new GuestServices(config, Optional.empty());
        }
        return new GuestServices(config, Optional.of(new AntiSpoofing(nft,
                link -> Files.exists(Path.of("/sys/class/net", link)))));
    }

    /** {@code tuning} followed, after the links, by loading the anti-spoofing table when it changed. */
    public HostTuning inPass(HostTuning tuning) {
        if (guard.isEmpty()) {
            return tuning;
        }
        AntiSpoofing g = guard.get();
        return new HostTuning() {
            @Override
            public List<String> beforeLinks(DesiredSnapshot desired) {
                return tuning.beforeLinks(desired);
            }

            @Override
            public List<String> afterLinks(DesiredSnapshot desired, Set<String> created) {
                List<String> problems = new java.util.ArrayList<>(tuning.afterLinks(desired, created));
                problems.addAll(g.sync(!created.isEmpty()));
                return problems;
            }
        };
    }

    /**
     * Subscribes to desired state and binds the metadata listeners (ports 80 and 8080 on every IPv4 address)
     * when switched on. Call before the reconciler starts, so its first pass already has the firewall's input.
     */
    public void start(NetworkService service, Topology topology) throws IOException {
        start(service, topology, PasswordAcknowledger.IN_MEMORY);
    }

    /**
     * As {@link #start(NetworkService, Topology)}; a guest's password acknowledgement is also handed to
     * {@code peer} (the router pair's peer channel queues it for the other router) before it is forgotten here.
     */
    public void start(NetworkService service, Topology topology, PasswordAcknowledger peer) throws IOException {
        if (config.metadata()) {
            data = new GuestDataService((network, nic, password) -> {
                try {
                    peer.forget(network, nic, password);
                } catch (RuntimeException e) { // e.g. a full disk: forgetting here matters more than telling the peer
                    LOG.log(System.Logger.Level.ERROR, "password acknowledgement of nic " + nic
                            + " not queued for the peer: " + e.getMessage(), e);
                }
                service.forgetPassword(Uuid.parse(network), Uuid.parse(nic), Secret.of(password));
            });
        }
        MetadataFeed metadataFeed = new MetadataFeed();
        GuardFeed guardFeed = new GuardFeed(topology);
        service.onChange(state -> {
            if (data != null) {
                data.update(metadataFeed.directory(state));
            }
            guard.ifPresent(g -> g.want(guardFeed.interfaces(state)));
        });
        if (data != null) {
            http = GuestHttpServer.startOnWildcard(data);
        }
        service.reportServices(() -> http == null ? ServiceState.OFF : ServiceState.ON,
                () -> guard.map(g -> g.lastError().isPresent() ? ServiceState.FAILING : ServiceState.ON)
                        .orElse(ServiceState.OFF));
    }

    /** The services' series for /metrics. */
    public MetricsText.Source metrics() {
        return out -> {
            if (data != null) {
                out.counters("linuxrouter_metadata_requests_total",
                        "Metadata and password requests, by whether a registered guest asked.", "result",
                        Map.of("answered", data.answered(), "refused", data.refused()));
                out.counter("linuxrouter_metadata_passwords_sent_total", "Passwords handed to guests.",
                        data.passwordsSent());
                out.counter("linuxrouter_metadata_passwords_acknowledged_total",
                        "Passwords guests acknowledged (then forgotten).", data.passwordsAcknowledged());
            }
            guard.ifPresent(g -> {
                Map<String, Long> byReason = new java.util.TreeMap<>();
                Map<Drop, Long> dropped = new EnumMap<>(g.dropped());
                dropped.forEach((d, n) -> byReason.put(d.counter(), n));
                out.counters("linuxrouter_antispoofing_dropped_packets_total",
                        "Frames the anti-spoofing table dropped on guest interfaces, by reason.", "reason", byReason);
            });
        };
    }

    @Override
    public void close() {
        if (http != null) {
            http.close();
        }
    }
}
