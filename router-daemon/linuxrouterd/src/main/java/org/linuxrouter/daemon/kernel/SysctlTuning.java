package org.linuxrouter.daemon.kernel;

import java.net.Inet6Address;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.linuxrouter.daemon.reconcile.DesiredSnapshot;
import org.linuxrouter.daemon.reconcile.HostTuning;

/**
 * The sysctls a router needs, read-compare-written on every pass (router-anchors §5): global IPv4/IPv6 forwarding
 * before any link is created (new interfaces copy {@code conf/default}, which the forwarding switch also sets);
 * then per owned link loose rp_filter (a VM's /32 arrives on its link either way, loose never drops asymmetric
 * replies) and proxy_arp as its network asks; on the uplink proxy_arp for "interface"-mode networks, proxy_ndp for
 * IPv6 entries and proxy_delay 0 (both families) so proxy replies are immediate instead of up to 0.8 s late; igmp_max_memberships
 * and optmem_max large enough for the multicast VXLAN networks (each joins its group on one shared socket). In a router pair
 * only the VRRP master answers upstream: on the backup the uplink neither forwards IPv4 (which silences proxy ARP)
 * nor proxies NDP, while every proxy entry stays in place for a takeover.
 */
public final class SysctlTuning implements HostTuning {

    static final int RP_FILTER_LOOSE = 2;
    static final int IGMP_HEADROOM = 20;
    /** The kernel's default option memory, kept for everything else the socket holds. */
    static final int OPTMEM_BASE = 128 * 1024;
    /** More than one membership's allocation (struct ip_mc_socklist, 48 bytes on 64-bit kernels). */
    static final int OPTMEM_PER_GROUP = 64;

    /** How often every owned link's sysctls are read back even when nothing was created (a hand change). */
    public static final Duration SWEEP_INTERVAL = Duration.ofSeconds(60);

    private final Sysctl sysctl;
    private final Optional<String> uplink;
    private final Clock clock;
    private final Optional<BooleanSupplier> answersUpstream;
    private Instant lastSweep = Instant.MIN;

    public SysctlTuning(Sysctl sysctl, Optional<String> uplink, Clock clock) {
        this(sysctl, uplink, clock, Optional.empty());
    }

    /**
     * @param answersUpstream in a router pair: false while this router is not the VRRP master (read on every
     *     pass); empty for a router on its own, whose uplink forwarding is left as the global switch set it
     */
    public SysctlTuning(Sysctl sysctl, Optional<String> uplink, Clock clock,
                        Optional<BooleanSupplier> answersUpstream) {
        this.sysctl = sysctl;
        this.uplink = uplink;
        this.clock = clock;
        this.answersUpstream = answersUpstream;
    }

    /** Sets the uplink as the pair role asks at once, between passes (on a VRRP transition). */
    public List<String> applyRole() {
        List<String> problems = new ArrayList<>();
        answersUpstream.ifPresent(a -> uplink.ifPresent(u -> {
            boolean answers = a.getAsBoolean();
            attempt(problems, () -> sysctl.ipv4Forwarding(u, answers));
            attempt(problems, () -> sysctl.proxyNdp(u, answers));
        }));
        return problems;
    }

    @Override
    public List<String> beforeLinks(DesiredSnapshot desired) {
        List<String> problems = new ArrayList<>();
        if (!desired.kernel().links().isEmpty()) {
            attempt(problems, () -> sysctl.ipv4Forwarding(true));
        }
        if (hasIpv6(desired.kernel())) {
            attempt(problems, () -> sysctl.ipv6Forwarding(true));
        }
        int groups = (int) desired.kernel().links().values().stream()
                .filter(l -> l.spec().multicastGroup().isPresent()).count();
        if (groups > 0) {
            // the headroom leaves the operator's own multicast (and a few networks more) room to join
            attempt(problems, () -> sysctl.igmpMaxMemberships(groups + IGMP_HEADROOM));
            attempt(problems, () -> sysctl.optmemMax(OPTMEM_BASE + groups * OPTMEM_PER_GROUP));
        }
        return problems;
    }

    @Override
    public List<String> afterLinks(DesiredSnapshot desired, Set<String> created) {
        List<String> problems = new ArrayList<>();
        // Two /proc/sys files per link: with thousands of links, reading them all on every pass would cost more
        // than the pass itself. New links are set at once; all of them are read back once per sweep interval.
        Instant now = clock.instant();
        boolean sweep = !now.isBefore(lastSweep.plus(SWEEP_INTERVAL));
        if (sweep) {
            lastSweep = now;
        }
        for (String link : desired.kernel().links().keySet()) {
            if (!sweep && !created.contains(link)) {
                continue;
            }
            attempt(problems, () -> sysctl.rpFilter(link, RP_FILTER_LOOSE));
            attempt(problems, () -> sysctl.proxyArp(link, desired.proxyArpInterfaces().contains(link)));
        }
        boolean answers = answersUpstream.map(BooleanSupplier::getAsBoolean).orElse(true);
        uplink.ifPresent(u -> {
            if (answersUpstream.isPresent()) {
                attempt(problems, () -> sysctl.ipv4Forwarding(u, answers));
            }
            attempt(problems, () -> sysctl.proxyArp(u, desired.proxyArpInterfaces().contains(u)));
            if (!desired.kernel().proxies().isEmpty() || desired.proxyArpInterfaces().contains(u)) {
                attempt(problems, () -> sysctl.proxyDelay(u, 0));
            }
            boolean ipv6Proxies = desired.kernel().proxies().stream().anyMatch(p -> p.address() instanceof Inet6Address);
            if (!answers || ipv6Proxies) {
                attempt(problems, () -> sysctl.proxyNdp(u, answers));
            }
            if (ipv6Proxies) { // else up to 0.8 s late, and dropped beyond a queue of 64 (bench/vrrp-takeover PUBLIC6)
                attempt(problems, () -> sysctl.proxyDelay6(u, 0));
            }
        });
        return problems;
    }

    private static boolean hasIpv6(KernelState state) {
        return state.addresses().stream().anyMatch(a -> a.address() instanceof Inet6Address)
                || state.routes().stream().anyMatch(r -> r.destination() instanceof Inet6Address);
    }

    /** A missing interface (deleted by hand a moment ago) is a problem for this pass, not a crash. */
    private static void attempt(List<String> problems, java.util.function.BooleanSupplier write) {
        try {
            write.getAsBoolean();
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
        }
    }
}
