package org.linuxrouter.lab;

import java.util.List;
import org.linuxrouter.testkit.net.Ip;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.net.NetnsGroup;

/**
 * The lab's wiring, built with iproute2 in one batch per namespace (every exec costs ~0.1 s in UML):
 *
 * <pre>
 *  upstream (up0 198.51.100.1/24, 2001:db8:0:1::1/64)
 *     |  veth
 *  router   eth0 198.51.100.2/24 (uplink)   mgmt0 192.168.77.2/30 -- lrmgmt 192.168.77.1/30 (the lab driver)
 *           eth1 (802.1Q trunk; linuxrouterd adds eth1.100, eth1.200, eth1.300 with the gateways)
 *     |  veth
 *  hyp      trunk0 -> VLAN subinterfaces 100, 200, 300, each moved into a VM namespace as its eth0
 *  vm1 (VLAN 100) 198.51.100.130/25 + 2001:db8:0:1:8000::2/65: public addresses routed straight to the VM
 *  vm2 (VLAN 200) 10.2.2.10/24                                : a private network, routed to vm1
 *  vm3 (VLAN 300) 198.51.100.66/26                            : public, with the recipe's interface-wide proxy ARP
 * </pre>
 *
 * The upstream believes all of 198.51.100.0/24 (and 2001:db8:0:1::/64) is on its link, so it reaches the VMs only
 * if the router answers ARP/NDP for them on the uplink: what the recipe's "option 2" needs.
 */
public final class LabTopology implements AutoCloseable {

    public static final String MGMT_HOST = "192.168.77.1";
    public static final String MGMT_ROUTER = "192.168.77.2";

    private final NetnsGroup namespaces;

    public final Netns router;
    public final Netns hyp;
    public final Netns vm1;
    public final Netns vm2;
    public final Netns vm3;
    public final Netns upstream;

    private LabTopology(NetnsGroup namespaces) {
        this.namespaces = namespaces;
        router = namespaces.create("router");
        hyp = namespaces.create("hyp");
        vm1 = namespaces.create("vm1");
        vm2 = namespaces.create("vm2");
        vm3 = namespaces.create("vm3");
        upstream = namespaces.create("upstream");
    }

    /** Builds everything; on failure removes what was made. No name prefix: the UML guest's kernel is the lab's. */
    public static LabTopology build() {
        return NetnsGroup.build("", namespaces -> new LabTopology(namespaces).wire());
    }

    private LabTopology wire() {
        Ip.host().batch(List.of(
                "link add eth1 netns router type veth peer name trunk0 netns hyp",
                "link add eth0 netns router type veth peer name up0 netns upstream",
                "link add mgmt0 netns router type veth peer name lrmgmt",
                "addr add " + MGMT_HOST + "/30 dev lrmgmt",
                "link set lrmgmt up"));
        router.ip().batch(List.of(
                "link set eth1 up", "link set eth0 up", "link set mgmt0 up",
                "addr add 198.51.100.2/24 dev eth0",
                "addr add 2001:db8:0:1::2/64 dev eth0 nodad",
                "addr add " + MGMT_ROUTER + "/30 dev mgmt0"));
        upstream.ip().batch(List.of(
                "link set up0 up",
                "addr add 198.51.100.1/24 dev up0",
                "addr add 2001:db8:0:1::1/64 dev up0 nodad"));
        hyp.ip().batch(List.of(
                "link set trunk0 up",
                // each VM its own MAC, as CloudStack assigns them (VLAN devices would inherit trunk0's):
                // the router's DHCP tells NICs apart by MAC
                "link add link trunk0 name v100 address 02:00:00:00:01:00 type vlan id 100",
                "link add link trunk0 name v200 address 02:00:00:00:02:00 type vlan id 200",
                "link add link trunk0 name v300 address 02:00:00:00:03:00 type vlan id 300",
                "link set v100 netns vm1", "link set v200 netns vm2", "link set v300 netns vm3"));
        vm(vm1, "v100", "198.51.100.130/25", "198.51.100.129");
        vm1.ip().batch(List.of("addr add 2001:db8:0:1:8000::2/65 dev eth0 nodad",
                "route add ::/0 via 2001:db8:0:1:8000::1"));
        vm(vm2, "v200", "10.2.2.10/24", "10.2.2.1");
        vm(vm3, "v300", "198.51.100.66/26", "198.51.100.65");
        return this;
    }

    /** Renames a VM's VLAN link to eth0, brings it up, gives it its address and default route. */
    public static void vm(Netns vm, String vlanLink, String address, String gateway) {
        vm.ip().batch(List.of("link set " + vlanLink + " name eth0", "link set eth0 up",
                "addr add " + address + " dev eth0", "route add default via " + gateway));
    }

    /** The MAC of a VM's NIC, as CloudStack would know it. */
    public static String mac(Netns vm) {
        return vm.ip().link("eth0").path("address").asText();
    }

    /** Deletes every namespace in reverse order (the management veth goes with the router's). */
    @Override
    public void close() {
        namespaces.close();
    }
}
