package org.linuxrouter.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linuxrouter.testkit.guest.CloudStackDatasource;
import org.linuxrouter.testkit.guest.Dhclient;
import org.linuxrouter.testkit.net.GuestLan;
import org.linuxrouter.testkit.net.ZoneResolver;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * The guest services end to end on the host kernel, over VXLAN networks as CloudStack's KVM hosts build them:
 * linuxrouterd runs as its own process in the router namespace (metadata and anti-spoofing on, VXLAN in unicast
 * mode to the hypervisor's VTEP), networks and NICs are applied with {@code lrctl apply} as an operator would, and
 * VM namespaces behind the hypervisor's bridges are the clients: cloud-init's own CloudStack datasource, curl and
 * ping; Debian's ISC dhclient and dig for DHCP and DNS, with a second dnsmasq as the zone's own resolver. Needs
 * root, iproute2, nftables, dnsmasq, isc-dhcp-client, bind9-dnsutils, python3, cloud-init, wget and curl.
 */
class GuestServicesVxlanTest {

    static final String NET1 = "8d3c2c42-6a55-4c4e-9f0e-4b1f0c7a1001";
    static final String NET2 = "8d3c2c42-6a55-4c4e-9f0e-4b1f0c7a1002";
    static final String VM1 = "0e7f6f0a-4444-4aaa-8bbb-000000000001";
    static final String VM2 = "0e7f6f0a-4444-4aaa-8bbb-000000000002";
    static final String GHOST = "0e7f6f0a-4444-4aaa-8bbb-000000000009";
    static final String VM4 = "0e7f6f0a-4444-4aaa-8bbb-000000000004";
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ops@example";
    static final String USER_DATA = "#cloud-config\nruncmd:\n  - echo over vxlan\n";

    /** A name only the zone's own resolver knows: the router must forward it. */
    static final String ZONE_NAME = "www.upstream.test";
    static final String ZONE_ADDRESS = "203.0.113.7";
    static final String GATEWAY6 = "2001:db8:80::1";
    /** EUI-64 of 52:54:00:80:00:14 in 2001:db8:80::/64 (what the kernel's SLAAC and CloudStack both compute). */
    static final String VM4_SLAAC = "2001:db8:80:0:5054:ff:fe80:14";

    private static GuestLan lan;
    private static Path dir;
    private static HostDaemon daemon;
    private static ZoneResolver zone;

    @BeforeAll
    static void start() throws Exception {
        lan = GuestLan.create("mde" + ProcessHandle.current().pid());
        int n1 = lan.addVxlanNetwork(5001);
        int n2 = lan.addVxlanNetwork(5002);
        dir = Files.createTempDirectory("md-e2e");
        daemon = new HostDaemon(lan.router(), dir, List.of("vxlan_underlay = under0", "vxlan_mode = unicast",
                "vxlan_vteps = " + GuestLan.HYPERVISOR_VTEP, "resync_interval = 1s", "metadata = on",
                "anti_spoofing = on"));
        daemon.start(Duration.ofSeconds(90));
        zone = ZoneResolver.start(lan.upstream(), GuestLan.UPSTREAM, Map.of(ZONE_NAME, ZONE_ADDRESS));

        apply(NET1, 5001, "10.70.0.1/24",
                ", \"dnsServers\": [\"" + GuestLan.UPSTREAM + "\"], \"domain\": \"vxlan.internal\"", List.of(
                nic(VM1, "52:54:00:70:00:11", "10.70.0.11", "vm-one", USER_DATA, "Tr0ub4dor&3"),
                nic(VM2, "52:54:00:70:00:12", "10.70.0.12", "vm-two", null, null),
                nic(GHOST, "52:54:00:70:00:99", "10.70.0.99", "ghost", "#!/bin/sh\necho ghost\n", "ghost-pw")));
        // vm4's NIC on this network is not its default NIC: no router, DNS or domain by DHCP (CloudStack's rule)
        // and it has IPv6: the address CloudStack assigns is the EUI-64 SLAAC address of its MAC in the prefix
        apply(NET2, 5002, "10.80.0.1/24", ", \"gateway6\": \"" + GATEWAY6 + "/64\"", List.of(
                nic(VM4, "52:54:00:80:00:14", "10.80.0.14", "vm-four", "#!/bin/sh\necho four\n", null)
                        .replaceFirst("\\}$", ", \"defaultNic\": false, \"ipv6\": [\"" + VM4_SLAAC + "\"]}")));

        lan.addVm("vm1", n1, "52:54:00:70:00:11", "10.70.0.11/24", "10.70.0.1");
        lan.addVm("vm2", n1, "52:54:00:70:00:12", "10.70.0.12/24", "10.70.0.1");
        // claims the address of a registered NIC whose VM is not running, from a MAC of its own
        lan.addVm("sip", n1, "52:54:00:70:00:21", "10.70.0.99/24", "10.70.0.1");
        lan.addVm("vm4", n2, "52:54:00:80:00:14", "10.80.0.14/24", "10.80.0.1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (zone != null) {
            zone.close();
        }
        if (daemon != null) {
            daemon.close();
        }
        if (lan != null) {
            lan.close();
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void cloudInitGetsEverythingOverVxlanAndThePasswordOnce() throws Exception {
        JsonNode found = CloudStackDatasource.fetch(lan.vm("vm1").name(), Duration.ofSeconds(90));
        assertTrue(found.path("found").asBoolean(), found.toString() + daemon.logText());
        assertEquals("10.70.0.1", found.path("server").asText());
        assertEquals(VM1, found.path("instance_id").asText());
        assertEquals(USER_DATA, found.path("user_data").asText());
        assertEquals(KEY, found.path("public_keys").path(0).asText());
        assertEquals("vm-one", found.path("metadata").path("local-hostname").asText());
        assertEquals("Tr0ub4dor&3", found.path("password").asText());
        assertTrue(found.path("second_password").isNull(), found.toString());
        assertEquals("saved_password", found.path("second_answer").asText());
        assertFalse(Files.readString(daemon.stateFile()).contains("Tr0ub4dor"),
                "the acknowledged password is gone from desired state");
    }

    @Test
    void aSecondVmReadsOnlyItsOwnData() {
        assertEquals(List.of("200", VM2), curl("vm2", "http://10.70.0.1/latest/meta-data/instance-id"));
        assertEquals(List.of("404", "not found\n"), curl("vm2", "http://10.70.0.1/latest/user-data"));
        assertEquals(List.of("200", "saved_password"),
                curl("vm2", "-H", "DomU_Request: send_my_password", "http://10.70.0.1:8080/"));
        assertEquals(List.of("404", "not found\n"), curl("vm4", "http://10.70.0.1/latest/user-data"),
                "another network's VM gets nothing from this network's gateway");
        assertEquals(List.of("200", "#!/bin/sh\necho four\n"), curl("vm4", "http://10.80.0.1/latest/user-data"));
    }

    @Test
    void aSpoofedAddressGetsNothingIsNotForwardedAndIsCounted() {
        long before = dropped();
        CommandResult spoofed = lan.inVm("sip", Duration.ofSeconds(20), "curl", "-sS", "--max-time", "3",
                "http://10.70.0.1/latest/user-data");
        assertNotEquals(0, spoofed.exitCode(), "the ghost NIC's user data must not reach a spoofer: " + spoofed);
        assertEquals("", spoofed.stdout());
        CommandResult password = lan.inVm("sip", Duration.ofSeconds(20), "curl", "-sS", "--max-time", "3",
                "-H", "DomU_Request: send_my_password", "http://10.70.0.1:8080/");
        assertFalse(password.stdout().contains("ghost-pw"), password.toString());
        assertFalse(ping("sip"), "nothing from a spoofed address is forwarded");
        assertTrue(ping("vm2"), "a registered pair is forwarded upstream");
        assertTrue(dropped() > before, "the drop counters in /metrics rose");
        assertTrue(daemon.lrctl("status").stdout().contains("anti-spoofing   on"), "status reports the firewall");
    }

    @Test
    void dhclientGetsExactlyTheAssignedLeaseAndOnlyTheDefaultNicGetsRouterAndDns() {
        Map<String, String> lease = Dhclient.lease(lan.vm("vm2").name(), "eth0", dir, 8)
                .orElseThrow(() -> new AssertionError("vm2 got no lease" + daemon.logText()));
        assertEquals("10.70.0.12", lease.get("fixed-address"));
        assertEquals("255.255.255.0", lease.get("subnet-mask"));
        assertEquals("10.70.0.1", lease.get("routers"));
        assertEquals("10.70.0.1," + GuestLan.UPSTREAM, lease.get("domain-name-servers"), "the router, then the zone's");
        assertEquals("\"vm-two\"", lease.get("host-name"));
        assertEquals("\"vxlan.internal\"", lease.get("domain-name"));
        assertEquals("10.70.0.1", lease.get("dhcp-server-identifier"));

        Map<String, String> other = Dhclient.lease(lan.vm("vm4").name(), "eth0", dir, 8)
                .orElseThrow(() -> new AssertionError("vm4 got no lease" + daemon.logText()));
        assertEquals("10.80.0.14", other.get("fixed-address"));
        assertEquals("\"vm-four\"", other.get("host-name"));
        assertFalse(other.containsKey("routers"), "not the VM's default NIC: no router " + other);
        assertFalse(other.containsKey("domain-name-servers"), "not the VM's default NIC: no DNS " + other);

        assertTrue(Dhclient.lease(lan.vm("sip").name(), "eth0", dir, 4).isEmpty(), "an unregistered MAC gets no lease");
    }

    @Test
    void vmNamesAndDataServerResolveAndOtherNamesAreForwardedToTheZoneResolver() {
        assertEquals("10.70.0.12", dig("vm1", "10.70.0.1", "vm-two"));
        assertEquals("10.70.0.12", dig("vm1", "10.70.0.1", "vm-two.vxlan.internal"));
        assertEquals("10.70.0.1", dig("vm1", "10.70.0.1", "data-server"), "the asking network's gateway");
        assertEquals("10.80.0.1", dig("vm4", "10.80.0.1", "data-server"), "the asking network's gateway");
        assertEquals("", dig("vm1", "10.70.0.1", "nothing.upstream.test"), "the zone resolver knows no such name");
        assertEquals(ZONE_ADDRESS, dig("vm2", "10.70.0.1", ZONE_NAME), "forwarded through the router to the zone's DNS");
    }

    @Test
    void anIpv6VmConfiguresItselfFromTheRoutersAdvertisementsWithRdnss() throws Exception {
        String routerLinkLocal = address(lan.router().ip().json("-6", "addr", "show", "dev", "vxlan5002", "scope",
                "link"));
        assertTrue(routerLinkLocal.startsWith("fe80:"), routerLinkLocal);
        // the kernel's own SLAAC (accept_ra and autoconf are on by default in the VM's namespace)
        String address = "";
        String via = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !(address.equals(VM4_SLAAC) && via.equals(routerLinkLocal))) {
            address = address(lan.vm("vm4").ip().json("-6", "addr", "show", "dev", "eth0", "scope", "global"));
            via = lan.vm("vm4").ip().json("-6", "route", "show", "default").path(0).path("gateway").asText();
            Thread.sleep(200);
        }
        assertEquals(VM4_SLAAC, address, "SLAAC address from the advertised prefix" + daemon.logText());
        assertEquals(routerLinkLocal, via, "default route via the router's link-local address");
        assertTrue(lan.vm("vm4").ping(GATEWAY6), "the gateway answers over IPv6");

        // ndisc6's rdisc6 solicits an advertisement and prints every option it carries
        String ra = lan.inVm("vm4", Duration.ofSeconds(30), "rdisc6", "-1", "-w", "3000", "eth0").requireSuccess()
                .stdout();
        assertTrue(ra.matches("(?s).*Prefix\\s*:\\s*2001:db8:80::/64.*"), ra);
        assertTrue(ra.matches("(?s).*Recursive DNS server\\s*:\\s*" + Pattern.quote(GATEWAY6) + "\\s.*"),
                "RDNSS: the router's DNS on the network's gateway\n" + ra);
        assertTrue(ra.matches("(?s).*from " + Pattern.quote(routerLinkLocal) + "\\s.*"), ra);
        assertEquals(VM4_SLAAC, lan.inVm("vm4", Duration.ofSeconds(30), "dig", "+short", "+time=3", "+tries=2",
                "@" + GATEWAY6, "vm-four", "AAAA").requireSuccess().stdout().strip(), "names resolve over IPv6 too");
    }

    /** The first address in {@code ip -j addr show dev X scope Y} (iproute2 lists filtered-out ones as {}). */
    private static String address(JsonNode links) {
        for (JsonNode a : links.path(0).path("addr_info")) {
            if (a.has("local")) {
                return a.path("local").asText();
            }
        }
        return "";
    }

    private static String dig(String vm, String server, String name) {
        return lan.inVm(vm, Duration.ofSeconds(30), "dig", "+short", "+time=3", "+tries=2", "@" + server, name, "A")
                .requireSuccess().stdout().strip();
    }

    private static boolean ping(String vm) {
        return lan.inVm(vm, Duration.ofSeconds(20), "ping", "-c", "1", "-W", "2", GuestLan.UPSTREAM).succeeded();
    }

    /** Sum of linuxrouter_antispoofing_dropped_packets_total over all reasons, from /metrics. */
    private static long dropped() {
        String metrics = daemon.metrics();
        Matcher m = Pattern.compile("(?m)^linuxrouter_antispoofing_dropped_packets_total\\{[^}]*\\} (\\d+)$")
                .matcher(metrics);
        long sum = 0;
        boolean any = false;
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
            any = true;
        }
        assertTrue(any, "no drop counters in /metrics: " + metrics);
        return sum;
    }

    private static List<String> curl(String vm, String... args) {
        return lan.http(vm, args);
    }

    /** {@code lrctl apply} of one network with the guest services and its NICs. */
    private static void apply(String network, int vni, String gateway, String more, List<String> nics) {
        daemon.apply(network, "{\"network\": {\"uuid\": \"" + network + "\", \"segment\": \"vxlan://" + vni + "\","
                + " \"gateway4\": \"" + gateway + "\", \"services\": [\"dhcp\", \"dns\", \"userdata\"]" + more + "},"
                + " \"nics\": [" + String.join(", ", nics) + "]}");
    }

    static String nic(String uuid, String mac, String ip, String host, String userData, String password) {
        StringBuilder b = new StringBuilder("{\"uuid\": \"" + uuid + "\", \"mac\": \"" + mac + "\", \"ipv4\": [\""
                + ip + "\"], \"hostname\": \"" + host + "\", \"metadata\": {\"instance-id\": \"" + uuid
                + "\", \"vm-id\": \"" + uuid + "\", \"local-ipv4\": \"" + ip + "\", \"local-hostname\": \"" + host
                + "\", \"public-ipv4\": \"" + ip + "\", \"public-hostname\": \"" + host
                + "\", \"service-offering\": \"Small Instance\", \"availability-zone\": \"zone-a\","
                + " \"cloud-identifier\": \"CloudStack-{5a1c8f56-0c5e-4ad5-a8ff-9d2e7d3b1a21}\","
                + " \"hypervisor-host-name\": \"kvm-07\"}, \"sshPublicKeys\": [\"" + KEY + "\"]");
        if (userData != null) {
            b.append(", \"userData\": \"")
                    .append(Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8))).append('"');
        }
        if (password != null) {
            b.append(", \"password\": \"").append(password).append('"');
        }
        return b.append('}').toString();
    }


}
