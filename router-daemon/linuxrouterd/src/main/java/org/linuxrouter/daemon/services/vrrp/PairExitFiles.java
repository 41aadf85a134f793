package org.linuxrouter.daemon.services.vrrp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.linuxrouter.protocol.model.InterfaceName;

/**
 * What a router of a pair must stop doing the moment its daemon is gone, written for systemd's
 * {@code ExecStopPost=} (packaging's linuxrouterd.service) to apply without the daemon: a daemon killed while master
 * leaves a kernel that still answers for the pair (an open standby gate answering ARP and neighbour solicitations for
 * every gateway, an uplink proxying every public address), so VMs and the upstream router could be drawn back to a
 * router whose services are dead after the peer took over. Two files in the state directory, both plain data for
 * {@code nft -f} and {@code sysctl -p} (no shell): {@value #NFT} closes the gate (gate mode only) and {@value #SYSCTL}
 * turns the uplink's IPv4 forwarding (hence proxy ARP) and proxy NDP off (a pair with an uplink). A router on its own
 * gets neither, and any left from an earlier configuration are removed: its kernel keeps forwarding while the
 * daemon restarts.
 */
public final class PairExitFiles {

    public static final String NFT = "pair-exit.nft";
    public static final String SYSCTL = "pair-exit.sysctl";

    private PairExitFiles() {
    }

    /**
     * Writes or removes both files in {@code stateDir}.
     *
     * @param gate whether the router runs the standby gate ({@code vrrp_takeover = gate} in a pair)
     * @param uplink the uplink of a router in a pair; empty for a router on its own or without an uplink
     */
    public static void write(Path stateDir, boolean gate, Optional<InterfaceName> uplink) {
        place(stateDir.resolve(NFT), gate ? Optional.of(StandbyGate.closing()) : Optional.empty());
        place(stateDir.resolve(SYSCTL), uplink.map(PairExitFiles::sysctl));
    }

    /** Pure: slash-separated keys, so a dotted interface name (eth0.100) stays one path element. */
    static String sysctl(InterfaceName uplink) {
        String name = uplink.value();
        return "# written by linuxrouterd for ExecStopPost: this router stops answering upstream for the pair\n"
                + "net/ipv4/conf/" + name + "/forwarding = 0\n"
                + "net/ipv6/conf/" + name + "/proxy_ndp = 0\n";
    }

    private static void place(Path file, Optional<String> content) {
        try {
            Files.createDirectories(file.getParent());
            if (content.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, content.get());
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file + ": " + e.getMessage(), e);
        }
    }
}
