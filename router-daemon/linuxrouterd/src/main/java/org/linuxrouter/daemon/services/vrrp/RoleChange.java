package org.linuxrouter.daemon.services.vrrp;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.linuxrouter.daemon.kernel.GatewayAnnouncer;
import org.linuxrouter.daemon.kernel.SysctlTuning;
import org.linuxrouter.daemon.kernel.UplinkAnnouncer;
import org.linuxrouter.daemon.reconcile.DesiredSnapshot;

/**
 * What this router does when keepalived reports a role (the one place a VRRP transition changes the kernel):
 * <ul>
 * <li>leaving MASTER, or never there: close the standby gate first (gate mode), so the guest links fall silent
 * before anything else, then stop answering upstream ({@link SysctlTuning#applyRole});</li>
 * <li>MASTER: open the gate, answer upstream, then announce every gateway on its guest link (gate mode: keepalived
 * holds none, so it announces none) and every proxied address on the uplink.</li>
 * </ul>
 * Either way a reconcile pass follows, which enforces the role on every pass after.
 */
public final class RoleChange implements Consumer<PairStatus> {

    private static final Logger LOG = System.getLogger(RoleChange.class.getName());

    private final Optional<StandbyGate> gate;
    private final AtomicBoolean master;
    private final SysctlTuning tuning;
    private final GatewayAnnouncer gateways;
    private final UplinkAnnouncer uplink;
    private final Supplier<DesiredSnapshot> desired;
    private final Runnable requestPass;

    /**
     * @param master the flag the uplink's tuning reads ({@code SysctlTuning}'s answersUpstream), set here
     * @param requestPass asks the reconciler for a pass
     */
    public RoleChange(Optional<StandbyGate> gate, AtomicBoolean master, SysctlTuning tuning,
                      GatewayAnnouncer gateways, UplinkAnnouncer uplink, Supplier<DesiredSnapshot> desired,
                      Runnable requestPass) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.master = Objects.requireNonNull(master, "master");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.gateways = Objects.requireNonNull(gateways, "gateways");
        this.uplink = Objects.requireNonNull(uplink, "uplink");
        this.desired = Objects.requireNonNull(desired, "desired");
        this.requestPass = Objects.requireNonNull(requestPass, "requestPass");
    }

    @Override
    public void accept(PairStatus pair) {
        boolean isMaster = pair.state() == VrrpState.MASTER;
        if (!isMaster) {
            gate.ifPresent(StandbyGate::closeOrLog); // first: the guest links fall silent before anything else
        }
        master.set(isMaster);
        if (isMaster) {
            takeOver(desired.get());
        } else {
            tuning.applyRole().forEach(p -> LOG.log(Level.WARNING, "VRRP role: {0}", p));
        }
        requestPass.run();
    }

    private void takeOver(DesiredSnapshot snapshot) {
        long t0 = System.nanoTime();
        gate.ifPresent(g -> {
            try {
                g.open();
            } catch (RuntimeException e) { // logged by the gate; a pass retries the table, the role handler the state
                LOG.log(Level.ERROR, "VRRP takeover: opening the standby gate failed: " + e.getMessage());
            }
        });
        long opened = System.nanoTime();
        tuning.applyRole().forEach(p -> LOG.log(Level.WARNING, "VRRP role: {0}", p));
        int packets = 0;
        if (gate.isPresent()) {
            GatewayAnnouncer.Result r = gateways.announce(snapshot.kernel().addresses());
            packets += r.packets();
            r.problems().forEach(p -> LOG.log(Level.WARNING, "VRRP takeover: announcing gateways on {0}", p));
        }
        long announcedGateways = System.nanoTime();
        int proxied = 0;
        try {
            proxied = uplink.announce(snapshot.kernel());
        } catch (RuntimeException e) { // e.g. no CAP_NET_RAW: upstream relearns when entries expire
            LOG.log(Level.ERROR, "VRRP takeover: announcing proxied addresses failed: " + e.getMessage(), e);
        }
        long done = System.nanoTime();
        LOG.log(Level.INFO, "VRRP takeover: {0}{1} gateway packets, {2} proxied-address packets on the uplink; "
                + "{3} ms in all ({4} ms gateways, {5} ms uplink)",
                gate.isPresent() ? "gate open in " + (opened - t0) / 1_000_000 + " ms, " : "", packets, proxied,
                (done - t0) / 1_000_000, (announcedGateways - opened) / 1_000_000,
                (done - announcedGateways) / 1_000_000);
    }
}
