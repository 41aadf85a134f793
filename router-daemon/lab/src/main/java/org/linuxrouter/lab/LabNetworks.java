package org.linuxrouter.lab;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linuxrouter.protocol.model.DnsDomain;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.GuestService;
import org.linuxrouter.protocol.model.Hostname;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.ProxyMode;
import org.linuxrouter.protocol.model.Secret;
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

    /** The zone's own resolver (CloudStack's dns1), on the upstream host. */
    public static final String ZONE_DNS = "198.51.100.1";
    public static final String USER_DATA = "#cloud-config\nruncmd:\n  - echo over vlan\n";
    public static final String PASSWORD = "c0rrect-h0rse";
    public static final String SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"
            + " ops@example";

    /**
     * VLAN 100: public IPv4 and IPv6 straight on the VM, answered for on the uplink per address; DHCP from the
     * router (the /65 gets no router advertisements: SLAAC needs a /64).
     */
    public static NetworkSpec publicNetwork() {
        return NetworkSpec.builder().uuid(PUBLIC).name("public-100").segment(Segment.vlan(100))
                .gateway4(GatewayAddress.parse("198.51.100.129/25"))
                .gateway6(GatewayAddress.parse("2001:db8:0:1:8000::1/65")).services(List.of(GuestService.DHCP))
                .build();
    }

    /**
     * VLAN 200: a private network; the router is its gateway, routes it to the other VLANs and gives its VMs
     * DHCP, DNS (forwarding to the zone's resolver) and user data in place of a virtual router.
     */
    public static NetworkSpec privateNetwork() {
        return NetworkSpec.builder().uuid(PRIVATE).name("private-200").segment(Segment.vlan(200))
                .gateway4(GatewayAddress.parse("10.2.2.1/24"))
                .services(List.of(GuestService.DHCP, GuestService.DNS, GuestService.USERDATA))
                .dnsServers(List.of(IpAddress.parse(ZONE_DNS))).domain(DnsDomain.parse("lab.internal")).build();
    }

    /** VLAN 300: public IPv4, answered for by interface-wide proxy_arp, the hand-built recipe's way. */
    public static NetworkSpec recipeNetwork() {
        return NetworkSpec.builder().uuid(RECIPE).name("recipe-300").segment(Segment.vlan(300))
                .gateway4(GatewayAddress.parse("198.51.100.65/26")).proxyMode(ProxyMode.INTERFACE).build();
    }

    /** vm1's NIC on the public network is not its default NIC: DHCP gives it no router, DNS or domain. */
    public static NicSpec vm1(Netns vm) {
        return nic("b0000000-0000-4000-8000-000000000001", vm).addAddress(IpAddress.parse("198.51.100.130"))
                .addAddress(IpAddress.parse("2001:db8:0:1:8000::2")).hostname(Hostname.parse("vm-one"))
                .defaultNic(false).build();
    }

    /** vm2: a VM as CloudStack deploys it, with a host name, the vm-data, an SSH key, user data and a password. */
    public static NicSpec vm2(Netns vm) {
        String uuid = "b0000000-0000-4000-8000-000000000002";
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("instance-id", uuid);
        metadata.put("vm-id", uuid);
        metadata.put("local-ipv4", "10.2.2.10");
        metadata.put("local-hostname", "vm-two");
        metadata.put("service-offering", "Small Instance");
        metadata.put("availability-zone", "zone-a");
        return nic(uuid, vm).addAddress(IpAddress.parse("10.2.2.10")).hostname(Hostname.parse("vm-two"))
                .metadata(metadata).sshPublicKeys(List.of(SSH_KEY))
                .userData(Secret.of(Base64.getEncoder().encodeToString(USER_DATA.getBytes(StandardCharsets.UTF_8))))
                .password(Secret.of(PASSWORD)).build();
    }

    public static NicSpec vm3(Netns vm) {
        return nic("b0000000-0000-4000-8000-000000000003", vm).addAddress(IpAddress.parse("198.51.100.66")).build();
    }

    private static NicSpec.Builder nic(String uuid, Netns vm) {
        return NicSpec.builder().uuid(Uuid.parse(uuid)).mac(MacAddress.parse(LabTopology.mac(vm)));
    }
}
