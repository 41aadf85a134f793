package org.linuxrouter.testkit.vxlan;

import org.linuxrouter.testkit.net.Ip;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * A VM: a namespace whose {@code eth0} is plugged into a hypervisor's VXLAN bridge, with an address and a default
 * route via the network's gateway (as DHCP would have configured it). Closed with its hypervisor's lab.
 */
public final class GuestVm {
    private final Netns netns;
    private final int vni;

    GuestVm(Netns netns, int vni) {
        this.netns = netns;
        this.vni = vni;
    }

    public Netns netns() {
        return netns;
    }

    public Ip ip() {
        return netns.ip();
    }

    /** The VNI of the network the VM's NIC is on. */
    public int vni() {
        return vni;
    }

    /** The NIC's MAC, as CloudStack knows it. */
    public String mac() {
        return netns.ip().link("eth0").path("address").asText();
    }

    /** Runs a program in the VM: {@code ip netns exec VM argv...}, result not checked. */
    public CommandResult exec(String... argv) {
        return netns.exec(argv);
    }

    /** One ping with a 5 s deadline: true when a reply came back. */
    public boolean ping(String target) {
        return netns.ping(target);
    }

    @Override
    public String toString() {
        return "vm " + netns.name() + " on vni " + vni;
    }
}
