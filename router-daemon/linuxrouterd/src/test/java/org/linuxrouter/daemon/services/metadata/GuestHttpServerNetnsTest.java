package org.linuxrouter.daemon.services.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linuxrouter.daemon.services.testing.InRouter;
import org.linuxrouter.testkit.net.GuestLan;
import org.linuxrouter.testkit.guest.CloudStackDatasource;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * The metadata and password listeners in a router namespace on the host kernel, asked by real clients from VM
 * namespaces behind a bridge: cloud-init's own CloudStack datasource (Debian package cloud-init, run with python3
 * in the VM namespace: Debian's /usr/bin/python3, where the package installs it) and curl. Needs root, iproute2, python3, cloud-init, wget and curl.
 */
class GuestHttpServerNetnsTest {

    static final String NET1 = "8d3c2c42-6a55-4c4e-9f0e-4b1f0c7a0001";
    static final String NET2 = "8d3c2c42-6a55-4c4e-9f0e-4b1f0c7a0002";
    static final String VM1 = "0e7f6f0a-1111-4aaa-8bbb-000000000001";
    static final String VM2 = "0e7f6f0a-1111-4aaa-8bbb-000000000002";
    static final String VM4 = "0e7f6f0a-1111-4aaa-8bbb-000000000004";
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop";
    static final String USER_DATA = "#cloud-config\nruncmd:\n  - echo hello from linuxrouter\n";

    private static GuestLan lan;
    private static GuestHttpServer server;
    private static final List<String> forgotten = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        lan = GuestLan.create("mdh" + ProcessHandle.current().pid());
        lan.addNetwork("10.50.0.1/24");
        lan.addNetwork("10.60.0.1/24");
        lan.addVm("vm1", 0, "52:54:00:50:00:11", "10.50.0.11/24", "10.50.0.1");
        lan.addVm("vm2", 0, "52:54:00:50:00:12", "10.50.0.12/24", "10.50.0.1");
        lan.addVm("vm3", 0, "52:54:00:50:00:13", "10.50.0.13/24", "10.50.0.1");
        lan.addVm("vm4", 1, "52:54:00:60:00:14", "10.60.0.14/24", "10.60.0.1");
        GuestDataService service = new GuestDataService((network, nic, password) -> {
            synchronized (forgotten) {
                forgotten.add(network + "/" + nic + "/" + password);
            }
        });
        service.update(new MetadataDirectory(List.of(
                new GuestNetwork(NET1, Set.of(v4("10.50.0.1")), List.of(
                        nic(NET1, VM1, "10.50.0.11", "vm-one", USER_DATA, Optional.of("Tr0ub4dor&3")),
                        nic(NET1, VM2, "10.50.0.12", "vm-two", "", Optional.empty()))),
                new GuestNetwork(NET2, Set.of(v4("10.60.0.1")), List.of(
                        nic(NET2, VM4, "10.60.0.14", "vm-four", "#!/bin/sh\necho four\n", Optional.of("four")))))));
        server = InRouter.call(lan, () -> GuestHttpServer.startOnWildcard(service));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (lan != null) {
            lan.close();
        }
    }

    /** The keys CloudStack's generateVmData pushes to a virtual router, in its order. */
    static GuestNic nic(String network, String uuid, String ip, String name, String userData, Optional<String> pw) {
        Map<String, String> md = new LinkedHashMap<>();
        md.put("service-offering", "Small Instance");
        md.put("availability-zone", "zone-a");
        md.put("local-ipv4", ip);
        md.put("local-hostname", name);
        md.put("public-ipv4", ip);
        md.put("public-hostname", name);
        md.put("instance-id", uuid);
        md.put("vm-id", uuid);
        md.put("public-keys", KEY);
        md.put("cloud-identifier", "CloudStack-{5a1c8f56-0c5e-4ad5-a8ff-9d2e7d3b1a21}");
        md.put("hypervisor-host-name", "kvm-07");
        return new GuestNic(network, uuid, List.of(v4(ip)), md,
                java.util.Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8)), pw);
    }

    static Inet4Address v4(String ip) {
        try {
            return (Inet4Address) InetAddress.getByName(ip);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void cloudInitsOwnDatasourceFetchesEverythingAndThePasswordOnlyOnce() {
        JsonNode found = cloudInit("vm1");
        assertEquals(true, found.path("found").asBoolean(), found.toString());
        assertEquals("10.50.0.1", found.path("server").asText(), "cloud-init found the gateway");
        assertEquals(VM1, found.path("instance_id").asText());
        assertEquals(USER_DATA, found.path("user_data").asText());
        assertEquals(List.of(KEY), texts(found.path("public_keys")));
        assertEquals("Tr0ub4dor&3", found.path("password").asText());
        assertTrue(found.path("second_password").isNull(), "a second fetch finds no password: " + found);
        assertEquals("saved_password", found.path("second_answer").asText());
        JsonNode md = found.path("metadata");
        assertEquals("zone-a", md.path("availability-zone").asText());
        assertEquals("vm-one", md.path("local-hostname").asText());
        assertEquals("10.50.0.11", md.path("public-ipv4").asText());
        assertEquals("kvm-07", md.path("hypervisor-host-name").asText());
        assertEquals("CloudStack-{5a1c8f56-0c5e-4ad5-a8ff-9d2e7d3b1a21}", md.path("cloud-identifier").asText());
        assertEquals(11, md.size(), "every key CloudStack pushes, and only those: " + md);
        synchronized (forgotten) {
            assertEquals(List.of(NET1 + "/" + VM1 + "/Tr0ub4dor&3"), forgotten, "desired state told to forget it");
        }
    }

    @Test
    void aVmWithoutUserDataOrPasswordGetsEmptyUserDataAndNoPassword() {
        JsonNode found = cloudInit("vm2");
        assertEquals(true, found.path("found").asBoolean(), found.toString());
        assertEquals(VM2, found.path("instance_id").asText());
        assertEquals("", found.path("user_data").asText());
        assertTrue(found.path("password").isNull() || found.path("password").isMissingNode(), found.toString());
        assertEquals(List.of("404", "not found\n"), curl("vm2", "http://10.50.0.1/latest/user-data"), "the VR's 404");
    }

    @Test
    void theListingAndTheVirtualRoutersPathForms() {
        String listing = "service-offering\navailability-zone\nlocal-ipv4\nlocal-hostname\npublic-ipv4\n"
                + "public-hostname\ninstance-id\nvm-id\npublic-keys\ncloud-identifier\nhypervisor-host-name\n";
        assertEquals(List.of("200", listing), curl("vm2", "http://10.50.0.1/latest/meta-data/"));
        assertEquals(List.of("200", listing), curl("vm2", "http://10.50.0.1/latest/meta-data"));
        for (String path : List.of("/latest/meta-data/vm-id", "/latest/meta-data/vm-id/", "/latest/vm-id",
                "/latest/vm-id/", "/latest/META-DATA/vm-id")) {
            assertEquals(List.of("200", VM2), curl("vm2", "http://10.50.0.1" + path), path);
        }
        assertEquals(List.of("404", "not found\n"), curl("vm2", "http://10.50.0.1/latest/meta-data/VM-ID"),
                "key files are looked up case-sensitively, as on the VR");
        assertEquals(List.of("404", "not found\n"), curl("vm2", "http://10.50.0.1/latest/meta-data/no-such-key"));
        assertEquals(List.of("404", "not found\n"), curl("vm2", "http://10.50.0.1/"));
    }

    @Test
    void aVmReadsNeitherAnotherVmsDataNorThroughAnotherNetworksAddress() {
        assertEquals(List.of("404", "not found\n"), curl("vm3", "http://10.50.0.1/latest/meta-data/instance-id"),
                "an address no NIC holds gets nothing");
        assertEquals(List.of("200", "saved_password"), password("vm3", "10.50.0.1", "send_my_password"));
        assertEquals(List.of("404", "not found\n"), curl("vm4", "http://10.50.0.1/latest/user-data"),
                "network 2's VM asking network 1's gateway gets nothing");
        assertEquals(List.of("200", "saved_password"), password("vm4", "10.50.0.1", "send_my_password"));
        assertEquals(List.of("200", "#!/bin/sh\necho four\n"), curl("vm4", "http://10.60.0.1/latest/user-data"),
                "its own gateway answers it");
    }

    @Test
    void thePasswordServerRefusesOtherRequests() {
        assertEquals(List.of("400", "bad_request"), password("vm4", "10.60.0.1", "send_your_password"));
        assertEquals(List.of("405", "method not allowed\n"), curl("vm4", "-X", "POST",
                "-H", "DomU_Request: save_password", "http://10.60.0.1:8080/"));
    }

    private static JsonNode cloudInit(String vm) {
        return CloudStackDatasource.fetch(lan.vm(vm).name(), Duration.ofSeconds(60));
    }

    private static List<String> password(String vm, String server, String request) {
        return curl(vm, "-H", "DomU_Request: " + request, "http://" + server + ":8080/");
    }

    /** [status, body] as curl in the VM saw them. */
    @Test
    void eachAnswerClosesItsConnectionAndBothStillArrive() {
        // one curl, two URLs: curl reuses a connection the server leaves open, and says so
        CommandResult r = lan.inVm("vm2", Duration.ofSeconds(20), "curl", "-sS", "-v", "--max-time", "5",
                "http://10.50.0.1/latest/meta-data/instance-id", "http://10.50.0.1/latest/meta-data/local-ipv4");
        assertEquals(VM2 + "10.50.0.12", r.requireSuccess().stdout());
        assertTrue(r.stderr().contains("< Connection: close"), r.stderr());
        assertFalse(r.stderr().contains("Re-using existing connection"), r.stderr());
    }

    static List<String> curl(String vm, String... args) {
        return lan.http(vm, args);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
