package org.linuxrouter.daemon.kernel;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.linuxrouter.rtnetlink.NeighbourAnnouncer;

/**
 * On a gate-mode takeover: announces every gateway on its guest link (gratuitous ARP for IPv4, unsolicited NA with
 * Override for IPv6, from the link's own MAC), so the VMs' neighbour entries move to this router at once instead of
 * when they go stale. keepalived announces nothing in gate mode, since it holds no gateway. Each link's index and MAC
 * come from the reconciler's last kernel dump ({@link NetlinkKernel#observedIdentities()}); only a link that dump did
 * not see (created by the pass that just ran) is looked up on its own.
 */
public final class GatewayAnnouncer {

    /**
     * @param packets how many packets went out
     * @param links on how many links
     * @param problems one line per link that could not be announced on
     */
    public record Result(int packets, int links, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private final Supplier<Map<String, LinkIdentity>> observed;
    private final NeighbourAnnouncer announcer;

    public GatewayAnnouncer(Supplier<Map<String, LinkIdentity>> observed) {
        this.observed = Objects.requireNonNull(observed, "observed");
        this.announcer = NeighbourAnnouncer.system();
    }

    /** Announces {@code gateways} (the desired addresses of the guest links), link by link. */
    public Result announce(Set<InterfaceAddress> gateways) {
        Map<String, List<InetAddress>> byLink = new TreeMap<>();
        gateways.forEach(g -> byLink.computeIfAbsent(g.link(), l -> new ArrayList<>()).add(g.address()));
        Map<String, LinkIdentity> known = observed.get();
        int packets = 0;
        int links = 0;
        List<String> problems = new ArrayList<>();
        // one packet socket for every link: closing one costs an RCU grace period (~18 ms measured)
        try (NeighbourAnnouncer.Session session = announcer.session()) {
            for (Map.Entry<String, List<InetAddress>> e : byLink.entrySet()) {
                try {
                    Optional<LinkIdentity> link = Optional.ofNullable(known.get(e.getKey()))
                            .or(() -> lookUp(e.getKey()));
                    if (link.isEmpty()) {
                        problems.add(e.getKey() + ": no such link with a MAC address");
                        continue;
                    }
                    packets += session.announce(link.get().index(), link.get().mac(), e.getValue());
                    links++;
                } catch (RuntimeException ex) { // one link gone a moment ago must not silence the others
                    problems.add(e.getKey() + ": " + ex.getMessage());
                }
            }
        }
        return new Result(packets, links, problems);
    }

    private static Optional<LinkIdentity> lookUp(String name) {
        try {
            NetworkInterface nic = NetworkInterface.getByName(name);
            if (nic == null || nic.getHardwareAddress() == null || nic.getHardwareAddress().length != 6) {
                return Optional.empty();
            }
            return Optional.of(new LinkIdentity(nic.getIndex(), nic.getHardwareAddress()));
        } catch (SocketException e) {
            return Optional.empty();
        }
    }
}
