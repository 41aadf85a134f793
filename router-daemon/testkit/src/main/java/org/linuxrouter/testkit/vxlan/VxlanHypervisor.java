package org.linuxrouter.testkit.vxlan;

import java.util.ArrayList;
import java.util.List;
import org.linuxrouter.testkit.net.Ip;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.process.Command;

/**
 * A CloudStack KVM host in a namespace, with its physical interface {@code eth1} on the lab's fabric. It joins
 * VXLAN networks the way CloudStack's agent does: {@link #joinMulticast} runs the {@code add} commands of
 * {@code scripts/vm/network/vnet/modifyvxlan.sh} one for one (device {@code vxlanVNI}, bridge {@code brvx-VNI}),
 * {@link #leave} its {@code delete} commands. Every command is an argument vector; nothing goes through a shell.
 */
public final class VxlanHypervisor {
    /** The physical interface, CloudStack's traffic label ({@code -p pif}); no bridge holds it, so brif = pif. */
    public static final String PIF = "eth1";

    private final VxlanLab lab;
    private final Netns netns;
    private final String address;
    private final List<Netns> vms = new ArrayList<>();
    private int nextVnet;

    VxlanHypervisor(VxlanLab lab, Netns netns, String address) {
        this.lab = lab;
        this.netns = netns;
        this.address = address;
    }

    public Netns netns() {
        return netns;
    }

    /** The hypervisor's VTEP address on the fabric (on {@link #PIF}). */
    public String address() {
        return address;
    }

    /** CloudStack's bridge for a VXLAN network: {@code brvx-VNI} (BridgeVifDriver). */
    public static String bridge(int vni) {
        return "brvx-" + vni;
    }

    /** modifyvxlan.sh's group: {@code 239.$(( (VNI >> 16) % 256 )).$(( (VNI >> 8) % 256 )).$(( VNI % 256 ))}. */
    public static String multicastGroup(int vni) {
        return "239." + ((vni >> 16) % 256) + "." + ((vni >> 8) % 256) + "." + (vni % 256);
    }

    /** {@code modifyvxlan.sh -o add -v VNI -p eth1 -b brvx-VNI}. */
    public void joinMulticast(int vni) {
        String group = multicastGroup(vni);
        String dev = "vxlan" + vni;
        Ip ip = netns.ip();
        // ip route get $mcastGrp | grep -w "dev $brif" || ip route add $mcastGrp/32 dev $brif
        if (!netns.exec("ip", "route", "get", group).stdout().matches("(?s).*\\bdev " + PIF + "\\b.*")) {
            ip.run("route", "add", group + "/32", "dev", PIF);
        }
        ip.run("link", "add", dev, "type", "vxlan", "id", Integer.toString(vni), "group", group, "ttl", "10",
                "dev", PIF);
        ip.run("link", "set", dev, "up");
        bridgeUp(vni, dev);
    }

    /**
     * A fabric without multicast: {@code modifyvxlan-evpn.sh}'s device ({@code local ADDR dstport 4789 nolearning})
     * with the flood entries EVPN would have installed, here static: one per remote VTEP (the router).
     */
    public void joinUnicast(int vni, List<String> remoteVteps) {
        String dev = "vxlan" + vni;
        Ip ip = netns.ip();
        ip.run("link", "add", dev, "type", "vxlan", "id", Integer.toString(vni), "local", address, "dstport", "4789",
                "nolearning");
        ip.run("link", "set", dev, "up");
        for (String remote : remoteVteps) {
            exec("bridge", "fdb", "append", "00:00:00:00:00:00", "dev", dev, "dst", remote);
        }
        bridgeUp(vni, dev);
    }

    /** {@code modifyvxlan.sh -o delete -v VNI -p eth1 -b brvx-VNI}. */
    public void leave(int vni) {
        Ip ip = netns.ip();
        netns.exec("ip", "route", "del", multicastGroup(vni) + "/32", "dev", PIF);
        netns.exec("ip", "link", "delete", "vxlan" + vni);
        ip.run("link", "set", bridge(vni), "down");
        exec("brctl", "delbr", bridge(vni));
    }

    /**
     * Starts a VM on the network: a namespace whose {@code eth0} (peer {@code vnetN} here, as libvirt names tap
     * devices) is in {@code brvx-VNI}, with {@code cidr} and a default route via {@code gateway}.
     *
     * @param name short VM name, unique in the lab (becomes part of the namespace name)
     */
    public GuestVm startVm(String name, int vni, String cidr, String gateway) {
        Netns vm = lab.namespace(name);
        vms.add(vm);
        String vnet = "vnet" + nextVnet++;
        netns.vethTo(vm, vnet, "eth0");
        exec("brctl", "addif", bridge(vni), vnet);
        netns.ip().run("link", "set", vnet, "up");
        vm.ip().batch(List.of("link set eth0 up", "addr add " + cidr + " dev eth0",
                "route add default via " + gateway));
        return new GuestVm(vm, vni);
    }

    /** The rest of modifyvxlan.sh's add: {@code brctl addbr; brctl setfd 0; brctl addif; ip link set up}. */
    private void bridgeUp(int vni, String dev) {
        String br = bridge(vni);
        exec("brctl", "addbr", br);
        exec("brctl", "setfd", br, "0");
        exec("brctl", "addif", br, dev);
        netns.ip().run("link", "set", br, "up");
    }

    /** Runs a command in this namespace and fails with its output if it fails. */
    private void exec(String... argv) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", netns.name()));
        full.addAll(List.of(argv));
        Command.run(full).requireSuccess();
    }

    @Override
    public String toString() {
        return "hypervisor " + netns.name() + " (" + address + ")";
    }
}
