package org.linuxrouter.daemon;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import org.linuxrouter.daemon.api.ApiServer;
import org.linuxrouter.daemon.api.NetworkService;
import org.linuxrouter.daemon.config.DaemonConfig;
import org.linuxrouter.daemon.config.VrrpConfig;
import org.linuxrouter.daemon.config.VrrpTakeover;
import org.linuxrouter.daemon.kernel.GatewayAnnouncer;
import org.linuxrouter.daemon.kernel.InterfaceProbe;
import org.linuxrouter.daemon.kernel.NetlinkKernel;
import org.linuxrouter.daemon.kernel.Sysctl;
import org.linuxrouter.daemon.kernel.SysctlTuning;
import org.linuxrouter.daemon.kernel.UplinkAnnouncer;
import org.linuxrouter.daemon.reconcile.Differ;
import org.linuxrouter.daemon.reconcile.Reconciler;
import org.linuxrouter.daemon.reconcile.ServiceStage;
import org.linuxrouter.daemon.services.dhcp.DhcpDnsStage;
import org.linuxrouter.daemon.reconcile.Topology;
import org.linuxrouter.daemon.services.firewall.Nft;
import org.linuxrouter.daemon.services.vrrp.PairExitFiles;
import org.linuxrouter.daemon.services.vrrp.RoleChange;
import org.linuxrouter.daemon.services.vrrp.StandbyGate;
import org.linuxrouter.daemon.services.vrrp.VrrpService;
import org.linuxrouter.daemon.services.vrrp.VrrpState;
import org.linuxrouter.daemon.services.GuestServices;
import org.linuxrouter.daemon.services.metadata.PasswordAcknowledger;
import org.linuxrouter.daemon.services.peer.ForgetOutbox;
import org.linuxrouter.daemon.services.peer.PeerChannel;
import org.linuxrouter.protocol.model.PairState;
import org.linuxrouter.protocol.model.Secret;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.daemon.store.FileStateStore;
import org.linuxrouter.daemon.tls.KeyStoreFile;
import org.linuxrouter.daemon.tls.SecretFile;
import org.linuxrouter.daemon.tls.SelfSignedIssuer;
import org.linuxrouter.daemon.tls.ServerIdentity;
import org.linuxrouter.daemon.tls.TlsServerContext;
import org.linuxrouter.daemon.tls.Hostname;
import org.linuxrouter.protocol.auth.RouterSecret;
import org.linuxrouter.rtnetlink.EventGroup;
import org.linuxrouter.rtnetlink.Rtnl;
import org.linuxrouter.rtnetlink.RtnlEvent;
import org.linuxrouter.rtnetlink.RtnlEvents;
import org.linuxrouter.rtnetlink.RtnlListener;

/**
 * The composition root: builds the daemon by hand from its configuration and starts it in dependency order —
 * identity and secret, kernel connection, guest services, store, reconciler, netlink events, API — and stops it in
 * reverse.
 * The data path: API → {@link NetworkService} (store) → {@link Reconciler} → {@link NetlinkKernel} → kernel.
 */
public final class Daemon implements AutoCloseable {

    private static final Logger LOG = System.getLogger(Daemon.class.getName());
    /** How long a write waits for the reconciler before answering with the state as it is (not yet applied). */
    static final Duration APPLY_TIMEOUT = Duration.ofSeconds(20);
    /**
     * Changes that can undo the daemon's work. Neighbour events are left out: ARP churn from every VM would cost a
     * pass each; a hand-deleted proxy entry is restored by the periodic resync instead.
     */
    /** How soon a kernel event leads to a pass (a hand-deleted interface is back well within 2 s). */
    static final Duration EVENT_DELAY = Duration.ofMillis(100);
    private static final EnumSet<EventGroup> WATCHED = EnumSet.of(EventGroup.LINK, EventGroup.IPV4_ADDRESS,
            EventGroup.IPV6_ADDRESS, EventGroup.IPV4_ROUTE, EventGroup.IPV6_ROUTE);

    private final Rtnl rtnl;
    private final Reconciler reconciler;
    private final RtnlEvents events;
    private final ApiServer api;
    private final GuestServices guests;
    private final Optional<String> fingerprint;
    private final Optional<VrrpService> vrrp;
    private final Optional<DhcpDnsStage> dhcpDns;
    private final Optional<PeerChannel> peer;
    private final Optional<StandbyGate> gate;

    private Daemon(Rtnl rtnl, Reconciler reconciler, RtnlEvents events, ApiServer api, GuestServices guests,
                   Optional<String> fingerprint, Optional<VrrpService> vrrp, Optional<DhcpDnsStage> dhcpDns,
                   Optional<PeerChannel> peer, Optional<StandbyGate> gate) {
        this.peer = peer;
        this.gate = gate;
        this.vrrp = vrrp;
        this.dhcpDns = dhcpDns;
        this.rtnl = rtnl;
        this.reconciler = reconciler;
        this.events = events;
        this.api = api;
        this.guests = guests;
        this.fingerprint = fingerprint;
    }

    public static Daemon start(DaemonConfig config, String version) throws IOException {
        Clock clock = Clock.systemUTC();
        Optional<ServerIdentity> identity = config.tls()
                ? Optional.of(new KeyStoreFile(config.keystore()).loadOrCreate(() -> SelfSignedIssuer.system()
                        .issue(Hostname.forCertificate(), Optional.of(config.listen().address()))))
                : Optional.empty();
        RouterSecret secret = new SecretFile(config.secretFile()).loadOrCreate();
        Optional<String> uplink = config.uplinkInterface().map(Object::toString);
        Topology topology = new Topology(config.trunkInterface(), config.uplinkInterface(), config.vxlan(),
                config.vrrp().filter(v -> v.takeover() == VrrpTakeover.ADDRESSES).isPresent());

        // Gate mode: the guest links are silenced before the first pass adds any gateway (StandbyGate).
        Optional<StandbyGate> gate = standbyGate(config);
        // What systemd's ExecStopPost applies once this daemon is gone, crashed or stopped (PairExitFiles).
        PairExitFiles.write(config.stateDir(), config.vrrp().map(VrrpConfig::takeover), config.uplinkInterface());
        Rtnl rtnl = Rtnl.open();
        NetlinkKernel kernel = new NetlinkKernel(rtnl, uplink);
        AtomicBoolean master = new AtomicBoolean();
        SysctlTuning tuning = new SysctlTuning(Sysctl.system(), uplink, clock,
                config.vrrp().map(v -> (BooleanSupplier) master::get));
        // Guest DHCP and DNS: a reconcile stage after the kernel links, so dnsmasq binds to links that exist.
        Optional<DhcpDnsStage> dhcpDns = config.dnsmasqDir().map(dir -> new DhcpDnsStage(topology, dir));
        List<ServiceStage> stages = dhcpDns.<List<ServiceStage>>map(List::of).orElse(List.of());
        GuestServices guests = GuestServices.prepare(config);
        // The peer channel exists before the guest services, which hand it every password acknowledgement.
        AtomicReference<VrrpService> vrrpRef = new AtomicReference<>();
        Optional<PeerChannel> peer = config.peer().map(p -> new PeerChannel(p, new ForgetOutbox(config.stateDir()),
                () -> vrrpRef.get() == null ? VrrpState.UNKNOWN : vrrpRef.get().status().state(), clock));
        NetworkService service = new NetworkService(new FileStateStore(config.stateDir()),
                desired -> new Reconciler(desired, kernel, gate.map(g -> g.inPass(guests.inPass(tuning)))
                        .orElseGet(() -> guests.inPass(tuning)), clock, config.resyncInterval(), stages),
                topology, InterfaceProbe.sysfs(), APPLY_TIMEOUT, version, () -> dhcpDns.map(DhcpDnsStage::status));
        guests.start(service, topology, peer.<PasswordAcknowledger>map(p -> (network, nic, password) ->
                p.acknowledged(Uuid.parse(network), Uuid.parse(nic), Secret.of(password)))
                .orElse(PasswordAcknowledger.IN_MEMORY));
        Reconciler reconciler = service.reconciler();
        reconciler.start();
        UplinkAnnouncer announcer = new UplinkAnnouncer(uplink);
        GatewayAnnouncer gateways = new GatewayAnnouncer(kernel::observedIdentities);
        Optional<VrrpService> vrrp = config.vrrp().map(v -> new VrrpService(v, config.trunkInterface(),
                config.uplinkInterface(), config.stateDir().resolve("vrrp"), service::snapshot, clock,
                installed -> PairExitFiles.virtualGateways(config.stateDir(), installed),
                new RoleChange(gate, master, tuning, gateways, announcer, service::snapshot, reconciler::requestPass)));
        vrrp.ifPresent(v -> {
            vrrpRef.set(v);
            PairState.Takeover mode = gate.isPresent() ? PairState.Takeover.GATE : PairState.Takeover.ADDRESSES;
            service.reportPairWith(() -> Optional.of(peer.map(p -> p.decorate(v.wireState())).orElse(v.wireState())
                    .withTakeover(mode, gate.map(StandbyGate::isOpen).orElse(null))));
            v.start();
        });
        peer.ifPresent(PeerChannel::start);
        RtnlEvents events = RtnlEvents.subscribe(WATCHED, new Trigger(reconciler));

        Optional<SSLContext> tls = identity.map(TlsServerContext::sslContext);
        ApiServer api = ApiServer.start(config, tls, secret, service,
                () -> {
                    var desired = service.snapshot();
                    return Differ.diff(desired.kernel(), desired.observedWithoutVirtual(kernel.observe()));
                }, clock, guests.metrics());
        Optional<String> fingerprint = identity.map(ServerIdentity::fingerprint);
        LOG.log(Level.INFO, "linuxrouterd {0} listening on {1} ({2}), {3} networks in desired state", version,
                api.address(), fingerprint.map(f -> "https, certificate sha256 " + f).orElse("plain http on loopback"),
                service.networks().size());
        return new Daemon(rtnl, reconciler, events, api, guests, fingerprint, vrrp, dhcpDns, peer, gate);
    }

    /**
     * Gate mode: the standby gate loaded closed, or a refusal to start (without nftables the backup would answer
     * for every gateway). Otherwise a gate an earlier gate-mode run left behind is removed: it would silence every
     * guest link for good.
     */
    private static Optional<StandbyGate> standbyGate(DaemonConfig config) {
        Nft nft = new Nft(List.of("nft"), config.stateDir().resolve("nftables"), "standby-gate");
        if (config.vrrp().filter(v -> v.takeover() == VrrpTakeover.GATE).isEmpty()) {
            StandbyGate.removeLeftover(nft);
            return Optional.empty();
        }
        StandbyGate gate = new StandbyGate(nft);
        try {
            gate.closeAtStart();
        } catch (RuntimeException e) {
            throw new StartRefused("vrrp_takeover = gate needs nftables with the inet and arp families (package "
                    + "nftables, a kernel with nf_tables): loading the standby gate failed: " + e.getMessage()
                    + "; use vrrp_takeover = addresses on this host", e);
        }
        return Optional.of(gate);
    }

    public java.net.InetSocketAddress address() {
        return api.address();
    }

    public Optional<String> fingerprint() {
        return fingerprint;
    }

    @Override
    public void close() throws InterruptedException {
        api.close();
        if (peer.isPresent()) {
            peer.get().close(); // what it has not delivered stays in the outbox for the next start
        }
        if (vrrp.isPresent()) {
            vrrp.get().close(); // keepalived leaves with a priority-0 advertisement: the peer takes over at once
        }
        gate.ifPresent(StandbyGate::closeOrLog); // a stopped daemon's router must not answer beside the new master
        guests.close();
        events.close();
        reconciler.close();
        dhcpDns.ifPresent(DhcpDnsStage::close); // stops dnsmasq: the daemon is its parent
        rtnl.close();
    }

    /**
     * Any link, address or route change may be a hand edit of something the daemon owns: ask for a pass soon
     * (requests merge, so a burst of events costs one pass). A lost-events signal asks too.
     */
    private static final class Trigger implements RtnlListener {
        private final Reconciler reconciler;

        Trigger(Reconciler reconciler) {
            this.reconciler = reconciler;
        }

        @Override
        public void onEvent(RtnlEvent event) {
            reconciler.requestPassWithin(EVENT_DELAY);
        }

        @Override
        public void onResync() {
            reconciler.requestPassWithin(EVENT_DELAY);
        }
    }
}
