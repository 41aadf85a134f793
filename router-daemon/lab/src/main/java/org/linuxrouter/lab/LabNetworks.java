package org.linuxrouter.lab;

import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.ProxyMode;
import org.linuxrouter.protocol.model.Segment;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.testkit.net.Netns;

/** The three networks and their NICs, as the LinuxRouter plugin would send them for the lab's VMs. */
public final class LabNetworks {

    public static final Uuid PUBLIC = Uuid.parse("a0000000-0000-4000-8000-000000000100");
    public static final Uuid PRIVATE = Uuid.parse("a0000000-0000-4000-8000-000000000200");
    public static final Uuid RECIPE = Uuid.parse("a0000000-0000-4000-8000-000000000300");

    private LabNetworks() {
    }

    /** VLAN 100: public IPv4 and IPv6 straight on the VM, answered for on the uplink per address. */
    public static NetworkSpec publicNetwork() {
        return NetworkSpec.builder().uuid(PUBLIC).name("public-100").segment(Segment.vlan(100))
                .gateway4(GatewayAddress.parse("198.51.100.129/25"))
                .gateway6(GatewayAddress.parse("2001:db8:0:1:8000::1/65")).build();
    }

    /** VLAN 200: a private network; the router is its gateway and routes it to the other VLANs. */
    public static NetworkSpec privateNetwork() {
        return NetworkSpec.builder().uuid(PRIVATE).name("private-200").segment(Segment.vlan(200))
                .gateway4(GatewayAddress.parse("10.2.2.1/24")).build();
    }

    /** VLAN 300: public IPv4, answered for by interface-wide proxy_arp, the hand-built recipe's way. */
    public static NetworkSpec recipeNetwork() {
        return NetworkSpec.builder().uuid(RECIPE).name("recipe-300").segment(Segment.vlan(300))
                .gateway4(GatewayAddress.parse("198.51.100.65/26")).proxyMode(ProxyMode.INTERFACE).build();
    }

    public static NicSpec vm1(Netns vm) {
        return nic("b0000000-0000-4000-8000-000000000001", vm).addAddress(IpAddress.parse("198.51.100.130"))
                .addAddress(IpAddress.parse("2001:db8:0:1:8000::2")).build();
    }

    public static NicSpec vm2(Netns vm) {
        return nic("b0000000-0000-4000-8000-000000000002", vm).addAddress(IpAddress.parse("10.2.2.10")).build();
    }

    public static NicSpec vm3(Netns vm) {
        return nic("b0000000-0000-4000-8000-000000000003", vm).addAddress(IpAddress.parse("198.51.100.66")).build();
    }

    private static NicSpec.Builder nic(String uuid, Netns vm) {
        return NicSpec.builder().uuid(Uuid.parse(uuid)).mac(MacAddress.parse(LabTopology.mac(vm)));
    }
}
