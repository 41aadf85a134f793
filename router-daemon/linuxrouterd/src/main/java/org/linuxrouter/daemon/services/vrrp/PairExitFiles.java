package org.linuxrouter.daemon.services.vrrp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import org.linuxrouter.daemon.config.VrrpTakeover;
import org.linuxrouter.daemon.kernel.InterfaceAddress;
import org.linuxrouter.protocol.model.InterfaceName;

/**
 * What a router of a pair must stop doing the moment its daemon is gone, written for systemd's
 * {@code ExecStopPost=} (packaging's linuxrouterd.service) to apply without the daemon: a daemon killed while master
 * (with its keepalived, as a cgroup-wide SIGKILL does) leaves a kernel that still answers for the pair — an open
 * standby gate or keepalived's virtual gateways answering ARP and neighbour solicitations, an uplink proxying every
 * public address — so VMs and the upstream router could be drawn back to a router whose services are dead after the
 * peer took over (the dead router's own ARP requests, sourced from a gateway, repoint the VMs). Plain data for
 * {@code nft -f}, {@code ip -force -batch} and {@code sysctl -p} (no shell), in the state directory:
 * <ul>
 * <li>{@value #NFT}: the standby gate's closing transaction (gate mode);</li>
 * <li>{@value #IP}: one {@code address del} per virtual gateway (addresses mode), kept current with keepalived's
 * configuration by {@link VrrpService};</li>
 * <li>{@value #SYSCTL}: the uplink's IPv4 forwarding (hence proxy ARP) and proxy NDP off (a pair with an uplink).</li>
 * </ul>
 * A router on its own gets none, and any left from an earlier configuration are removed: its kernel keeps forwarding
 * while the daemon restarts.
 */
public final class PairExitFiles {

    public static final String NFT = "pair-exit.nft";
    public static final String IP = "pair-exit.ip";
    public static final String SYSCTL = "pair-exit.sysctl";

    private PairExitFiles() {
    }

    /**
     * At start: writes or removes the gate and uplink files in {@code stateDir}, and removes the gateway file unless
     * in addresses mode (where {@link #virtualGateways} writes it).
     *
     * @param pair the takeover mode of a router in a pair; empty for a router on its own
     * @param uplink the router's uplink, if any
     */
    public static void write(Path stateDir, Optional<VrrpTakeover> pair, Optional<InterfaceName> uplink) {
        place(stateDir.resolve(NFT), pair.filter(m -> m == VrrpTakeover.GATE).map(m -> StandbyGate.closing()));
        if (pair.filter(m -> m == VrrpTakeover.ADDRESSES).isEmpty()) {
            place(stateDir.resolve(IP), Optional.empty());
        }
        place(stateDir.resolve(SYSCTL), pair.flatMap(m -> uplink).map(PairExitFiles::sysctl));
    }

    /** Addresses mode: the gateways keepalived holds on the master, to remove (none: no file). */
    public static void virtualGateways(Path stateDir, Set<InterfaceAddress> gateways) {
        place(stateDir.resolve(IP), gateways.isEmpty() ? Optional.empty() : Optional.of(addressDeletes(gateways)));
    }

    /** Pure: slash-separated keys, so a dotted interface name (eth0.100) stays one path element. */
    static String sysctl(InterfaceName uplink) {
        String name = uplink.value();
        return "# written by linuxrouterd for ExecStopPost: this router stops answering upstream for the pair\n"
                + "net/ipv4/conf/" + name + "/forwarding = 0\n"
                + "net/ipv6/conf/" + name + "/proxy_ndp = 0\n";
    }

    /** Pure: {@code ip -batch} lines, sorted; names and addresses are typed values, never text from a request. */
    static String addressDeletes(Set<InterfaceAddress> gateways) {
        StringBuilder out = new StringBuilder(gateways.size() * 48);
        gateways.stream().sorted(Comparator.comparing(InterfaceAddress::toString)).forEach(a ->
                out.append("address del ").append(a.address().getHostAddress()).append('/').append(a.prefixLength())
                        .append(" dev ").append(InterfaceName.of("gateway link", a.link()).value()).append('\n'));
        return out.toString();
    }

    private static void place(Path file, Optional<String> content) {
        try {
            if (content.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, content.get());
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file + ": " + e.getMessage(), e);
        }
    }
}
