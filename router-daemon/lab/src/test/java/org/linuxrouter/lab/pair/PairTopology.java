package org.linuxrouter.lab.pair;

import java.util.List;
import org.linuxrouter.lab.LabTopology;
import org.linuxrouter.testkit.net.Ip;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.net.NetnsGroup;

/**
 * The router-pair lab's wiring (802.1Q, so inside UML), built with iproute2 in one batch per namespace:
 *
 * <pre>
 *                      upstream: bridge up0 198.51.100.1/24, 2001:db8:0:1::1/64
 *                        |  upa                        |  upb
 *  plra  eth0 198.51.100.2/24                  plrb  eth0 198.51.100.3/24       (uplinks, one segment)
 *        eth1 169.254.77.1/24 (trunk, VRRP)          eth1 169.254.77.2/24
 *        mgmt0 192.168.78.2/30 -- pla-m (here)       mgmt0 192.168.78.6/30 -- plb-m (here)
 *                        |  swa                        |  swb
 *  plhyp  bridge sw (the top-of-rack switch, tags passed through) -- hv ~ trunk0, the hypervisor's NIC:
 *         trunk0.100 -> plvm1, trunk0.200 -> plvm2, trunk0.300 -> plvm3 (each the VM's eth0)
 * </pre>
 *
 * The routers' VLAN links and gateways are linuxrouterd's; the gateways are VRRP addresses held by the master only.
 * Cutting {@code swa}/{@code swb} takes a router's trunk carrier away, as a pulled cable or a dead switch port does.
 * Own name prefix {@code pl}: nothing here collides with the single-router lab.
 */
final class PairTopology implements AutoCloseable {

    static final String MGMT_A = "192.168.78.2";
    static final String MGMT_B = "192.168.78.6";
    static final String UPSTREAM = "198.51.100.1";
    static final String VM1_MAC = "52:54:00:4c:01:30";
    static final String VM2_MAC = "52:54:00:4c:02:10";
    static final String VM3_MAC = "52:54:00:4c:03:42";

    private final NetnsGroup namespaces;

    final Netns routerA;
    final Netns routerB;
    final Netns hyp;
    final Netns vm1;
    final Netns vm2;
    final Netns vm3;
    final Netns upstream;

    private PairTopology(NetnsGroup namespaces) {
        this.namespaces = namespaces;
        routerA = namespaces.create("ra");
        routerB = namespaces.create("rb");
        hyp = namespaces.create("hyp");
        vm1 = namespaces.create("vm1");
        vm2 = namespaces.create("vm2");
        vm3 = namespaces.create("vm3");
        upstream = namespaces.create("up");
    }

    /** Builds everything; on failure removes what was made. */
    static PairTopology build() {
        return NetnsGroup.build("pl", namespaces -> new PairTopology(namespaces).wire());
    }

    private PairTopology wire() {
        Ip.host().batch(List.of(
                "link add eth1 netns plra type veth peer name swa netns plhyp",
                "link add eth1 netns plrb type veth peer name swb netns plhyp",
                "link add eth0 netns plra type veth peer name upa netns plup",
                "link add eth0 netns plrb type veth peer name upb netns plup",
                "link add mgmt0 netns plra type veth peer name pla-m",
                "link add mgmt0 netns plrb type veth peer name plb-m",
                "addr add 192.168.78.1/30 dev pla-m", "link set pla-m up",
                "addr add 192.168.78.5/30 dev plb-m", "link set plb-m up"));
        router(routerA, "198.51.100.2", "2001:db8:0:1::2", "169.254.77.1", MGMT_A);
        router(routerB, "198.51.100.3", "2001:db8:0:1::3", "169.254.77.2", MGMT_B);
        // bridges without STP and without multicast snooping: VRRP adverts, NS and ARP reach every port at once
        upstream.ip().batch(List.of(
                "link add up0 type bridge stp_state 0 mcast_snooping 0 forward_delay 0",
                "link set upa master up0", "link set upb master up0",
                "link set upa up", "link set upb up", "link set up0 up",
                "addr add " + UPSTREAM + "/24 dev up0",
                "addr add 2001:db8:0:1::1/64 dev up0 nodad"));
        hyp.ip().batch(List.of(
                "link add sw type bridge stp_state 0 mcast_snooping 0 forward_delay 0",
                "link add hv type veth peer name trunk0",
                "link set swa master sw", "link set swb master sw", "link set hv master sw",
                "link set swa up", "link set swb up", "link set hv up", "link set trunk0 up", "link set sw up",
                "link add link trunk0 name v100 address " + VM1_MAC + " type vlan id 100",
                "link add link trunk0 name v200 address " + VM2_MAC + " type vlan id 200",
                "link add link trunk0 name v300 address " + VM3_MAC + " type vlan id 300",
                "link set v100 netns plvm1", "link set v200 netns plvm2", "link set v300 netns plvm3"));
        LabTopology.vm(vm1, "v100", "198.51.100.130/25", "198.51.100.129");
        vm1.ip().batch(List.of("addr add 2001:db8:0:1:8000::2/65 dev eth0 nodad",
                "route add ::/0 via 2001:db8:0:1:8000::1"));
        LabTopology.vm(vm2, "v200", "10.2.2.10/24", "10.2.2.1");
        LabTopology.vm(vm3, "v300", "198.51.100.66/26", "198.51.100.65");
        return this;
    }

    private static void router(Netns router, String uplink4, String uplink6, String trunk, String mgmt) {
        router.ip().batch(List.of(
                "link set eth0 up", "link set eth1 up", "link set mgmt0 up",
                "addr add " + uplink4 + "/24 dev eth0",
                "addr add " + uplink6 + "/64 dev eth0 nodad",
                "addr add " + trunk + "/24 dev eth1",
                "addr add " + mgmt + "/30 dev mgmt0"));
    }

    /** Takes router {@code a} or {@code b}'s trunk carrier away (its switch port down), or gives it back. */
    void trunkPort(Netns router, boolean up) {
        Probes.mark((router == routerA ? "A" : "B") + "'s trunk port " + (up ? "up" : "down"));
        hyp.ip().run("link", "set", router == routerA ? "swa" : "swb", up ? "up" : "down");
    }

    @Override
    public void close() {
        namespaces.close(); // the management veths go with the router namespaces
    }
}
