package org.linuxrouter.testkit.vxlan;

import java.util.ArrayList;
import java.util.List;
import org.linuxrouter.testkit.net.Ip;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.net.NetnsGroup;

/**
 * VXLAN guest networks on the host kernel (which has vxlan, bridge and full nftables but no 802.1Q), every node a
 * namespace named {@code PREFIX-...} so parallel runs with other prefixes never meet:
 *
 * <pre>
 *  test JVM (host)  PREFIXmg 172.30.S.1/30 ---- mgmt0 172.30.S.2/30  (the daemon's API: {@link #apiAddress()})
 *  PREFIX-up        up0 198.51.100.1/24, 2001:db8:0:1::1/64 ---- eth0 .2 (the router's uplink)
 *  PREFIX-router    under0 192.0.2.1/24 (the VXLAN underlay) --+
 *  PREFIX-fab       bridge fab0, multicast flooded (no snooping) +-- eth1 192.0.2.1N/24 of PREFIX-hvN
 *  PREFIX-NAME      VMs: eth0 in brvx-VNI of their hypervisor
 * </pre>
 *
 * The router namespace has no daemon and no VXLAN device: the test starts linuxrouterd in it with
 * {@code vxlan_underlay = under0} and {@code uplink_interface = eth0}, or builds the router side by hand.
 * Hypervisors join VNIs as CloudStack's {@code modifyvxlan.sh} does ({@link VxlanHypervisor}). Needs root,
 * iproute2 and bridge-utils (brctl, which modifyvxlan.sh calls). Close it (try-with-resources) to remove it all.
 */
public final class VxlanLab implements AutoCloseable {
    public static final String ROUTER_UNDERLAY = "under0";
    public static final String ROUTER_UNDERLAY_ADDRESS = "192.0.2.1";
    public static final String ROUTER_UPLINK = "eth0";
    public static final String ROUTER_UPLINK_ADDRESS = "198.51.100.2";
    public static final String UPSTREAM_ADDRESS = "198.51.100.1";

    private final String prefix;
    private final int site;
    private final NetnsGroup namespaces;
    private final List<VxlanHypervisor> hypervisors = new ArrayList<>();
    private Netns router;
    private Netns upstream;
    private Netns fabric;

    private VxlanLab(String prefix, NetnsGroup namespaces) {
        this.prefix = prefix;
        this.namespaces = namespaces;
        // the management /30 must differ between concurrent labs: derive it from this JVM
        this.site = (int) (ProcessHandle.current().pid() % 250) + 1;
    }

    /** Builds the router, upstream and fabric namespaces; on failure removes what was made. */
    public static VxlanLab create(String prefix) {
        if (!prefix.matches("[a-z][a-z0-9]{0,7}")) {
            throw new IllegalArgumentException("expected a prefix of 1..8 lower-case letters and digits, got " + prefix);
        }
        return NetnsGroup.build(prefix + "-", namespaces -> new VxlanLab(prefix, namespaces).wire());
    }

    private VxlanLab wire() {
        router = namespace("router");
        upstream = namespace("up");
        fabric = namespace("fab");
        String management = namespaces.hostLink(prefix + "mg"); // gone with the router's namespace, unless that failed
        Ip.host().batch(List.of(
                "link add " + management + " type veth peer name mgmt0 netns " + router.name(),
                "addr add 172.30." + site + ".1/30 dev " + management,
                "link set " + management + " up"));
        router.vethTo(upstream, ROUTER_UPLINK, "up0");
        router.vethTo(fabric, ROUTER_UNDERLAY, "r0");
        fabric.ip().batch(List.of("link add fab0 type bridge mcast_snooping 0", "link set fab0 up",
                "link set r0 master fab0", "link set r0 up"));
        router.ip().batch(List.of("link set mgmt0 up", "addr add " + apiAddress() + "/30 dev mgmt0",
                "link set " + ROUTER_UPLINK + " up", "addr add " + ROUTER_UPLINK_ADDRESS + "/24 dev " + ROUTER_UPLINK,
                "addr add 2001:db8:0:1::2/64 dev " + ROUTER_UPLINK + " nodad",
                "link set " + ROUTER_UNDERLAY + " up",
                "addr add " + ROUTER_UNDERLAY_ADDRESS + "/24 dev " + ROUTER_UNDERLAY));
        upstream.ip().batch(List.of("link set up0 up", "addr add " + UPSTREAM_ADDRESS + "/24 dev up0",
                "addr add 2001:db8:0:1::1/64 dev up0 nodad"));
        return this;
    }

    /** The namespace the daemon runs in. */
    public Netns router() {
        return router;
    }

    /** The upstream host: believes all of 198.51.100.0/24 is on its link, so it needs the router's proxy ARP. */
    public Netns upstream() {
        return upstream;
    }

    /** Where the test reaches the daemon's API from the host: listen on this address in the router namespace. */
    public String apiAddress() {
        return "172.30." + site + ".2";
    }

    /** Adds hypervisor N (1..9): namespace {@code PREFIX-hvN}, {@code eth1} at 192.0.2.1N/24 on the fabric. */
    public VxlanHypervisor addHypervisor(int n) {
        if (n < 1 || n > 9) {
            throw new IllegalArgumentException("expected hypervisor 1..9, got " + n);
        }
        Netns hv = namespace("hv" + n);
        String address = "192.0.2.1" + n;
        hv.vethTo(fabric, VxlanHypervisor.PIF, "h" + n);
        fabric.ip().batch(List.of("link set h" + n + " master fab0", "link set h" + n + " up"));
        hv.ip().batch(List.of("link set " + VxlanHypervisor.PIF + " up",
                "addr add " + address + "/24 dev " + VxlanHypervisor.PIF));
        VxlanHypervisor hypervisor = new VxlanHypervisor(this, hv, address);
        hypervisors.add(hypervisor);
        return hypervisor;
    }

    /** A fresh namespace {@code PREFIX-NAME}; one left behind by a crashed run is removed first. */
    Netns namespace(String name) {
        return namespaces.replace(name);
    }

    /** Removes every namespace in reverse order, and the management veth if it outlived the router's. */
    @Override
    public void close() {
        namespaces.close();
    }
}
