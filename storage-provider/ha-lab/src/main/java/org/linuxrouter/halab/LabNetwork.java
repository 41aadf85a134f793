package org.linuxrouter.halab;

import java.util.List;
import org.linuxrouter.testkit.net.Netns;

/**
 * The lab's only network: a namespace owned by the test, holding two bridges with the VMs' tap devices.
 *
 * <ul>
 *   <li>{@code brs} — the storage network: both nodes' {@code eth0}, the floating IP, and the NFS client, which is
 *       the namespace itself ({@link #CLIENT_ADDRESS} on the bridge);</li>
 *   <li>{@code brr} — the replication link: both nodes' {@code eth1}, DRBD and Heartbeat's second path.</li>
 * </ul>
 * Nothing is routed to or from the host's own namespace; deleting the namespace removes every link.
 */
public final class LabNetwork implements AutoCloseable {

    public static final String STORAGE_PREFIX = "10.77.1.";
    public static final String REPLICATION_PREFIX = "10.77.2.";
    public static final String CLIENT_ADDRESS = STORAGE_PREFIX + "100";

    private final Netns netns;

    private LabNetwork(Netns netns) {
        this.netns = netns;
    }

    public static LabNetwork create(String name) {
        Netns netns = Netns.create(name);
        LabNetwork network = new LabNetwork(netns);
        try {
            for (String bridge : List.of("brs", "brr")) {
                netns.ip().run("link", "add", bridge, "type", "bridge", "forward_delay", "0");
                netns.ip().run("link", "set", bridge, "up");
            }
            netns.ip().run("addr", "add", CLIENT_ADDRESS + "/24", "dev", "brs");
            // the NFS client opens a connection per call from a few hundred reserved ports: reuse TIME_WAIT ones
            org.linuxrouter.testkit.process.Command.run(List.of("ip", "netns", "exec", netns.name(),
                    "sysctl", "-q", "-w", "net.ipv4.tcp_tw_reuse=1")).requireSuccess();
            return network;
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /** Adds the taps of one VM ({@code <vm>s} on the storage bridge, {@code <vm>r} on the replication bridge). */
    public void addTaps(String vm) {
        attachTap(vm + "s", "brs");
        attachTap(vm + "r", "brr");
    }

    private void attachTap(String tap, String bridge) {
        netns.ip().run("tuntap", "add", "dev", tap, "mode", "tap");
        netns.ip().run("link", "set", tap, "master", bridge, "up");
    }

    public String name() {
        return netns.name();
    }

    public Netns netns() {
        return netns;
    }

    @Override
    public void close() {
        netns.close();
    }
}
