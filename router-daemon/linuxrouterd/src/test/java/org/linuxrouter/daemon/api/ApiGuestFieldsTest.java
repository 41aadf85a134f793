package org.linuxrouter.daemon.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.DhcpOption;
import org.linuxrouter.protocol.model.GuestService;
import org.linuxrouter.protocol.model.Hostname;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Secret;
import org.linuxrouter.protocol.model.Uuid;

/**
 * The guest-service fields of a NIC over the real API: secrets are stored (mode 0600) but never answered, bad
 * values and conflicting MACs or addresses are 4xx naming the field and change nothing.
 */
class ApiGuestFieldsTest {
    private static final String PASSWORD = "Tr0ub4dor-3";
    private static final String USER_DATA = "I2Nsb3VkLWNvbmZpZwpob3N0bmFtZTogd2ViLTEK";
    private static final Uuid NIC_2 = Uuid.parse("41111111-2222-4333-8444-555555555555");
    private static final String NICS = "/v1/networks/" + ApiTest.NET_A + "/nics/";

    @TempDir
    Path state;
    private ApiFixture api;
    private final JsonCodec codec = new JsonCodec();

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture(state, false);
        String spec = codec.encode(ApiTest.spec(ApiTest.NET_A, 100, "10.1.1.1/24").newBuilder()
                .services(List.of(GuestService.DHCP, GuestService.DNS, GuestService.USERDATA)).build());
        assertEquals(200, put("/v1/networks/" + ApiTest.NET_A, spec).statusCode());
        assertEquals(200, put(NICS + ApiTest.NIC, codec.encode(full())).statusCode());
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private static NicSpec full() {
        return ApiTest.nic("10.1.1.10").newBuilder().hostname(Hostname.parse("web-1")).defaultNic(true)
                .dhcpOptions(List.of(DhcpOption.of(66, "10.1.1.5")))
                .metadata(Map.of("instance-id", "i-1", "service-offering", "Small"))
                .sshPublicKeys(List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG4 op@example"))
                .userData(Secret.of(USER_DATA)).password(Secret.of(PASSWORD)).build();
    }

    private HttpResponse<String> put(String target, String body) {
        return api.signed("PUT", target, body.getBytes(StandardCharsets.UTF_8), JsonCodec.JSON);
    }

    @Test
    void secretsAreStoredOwnerOnlyAndNeverAnswered() throws Exception {
        HttpResponse<String> again = put(NICS + ApiTest.NIC, codec.encode(full()));
        HttpResponse<String> get = api.signed("GET", "/v1/networks/" + ApiTest.NET_A, new byte[0], null);
        HttpResponse<String> list = api.signed("GET", "/v1/networks", new byte[0], null);
        for (HttpResponse<String> answer : List.of(again, get, list)) {
            assertEquals(200, answer.statusCode(), answer.body());
            assertFalse(answer.body().contains(PASSWORD), answer.body());
            assertFalse(answer.body().contains(USER_DATA), answer.body());
            assertTrue(answer.body().contains("\"passwordSet\":true"), answer.body());
            assertTrue(answer.body().contains("\"userDataSet\":true"), answer.body());
        }
        NicSpec shown = codec.decodeNetworkState(get.body()).nic(ApiTest.NIC).orElseThrow();
        assertEquals(full().redacted(), shown);
        Path file = state.resolve("state.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String stored = Files.readString(file);
        assertTrue(stored.contains(PASSWORD) && stored.contains(USER_DATA), "the router keeps what it must serve");
        assertEquals(full(), api.service.desiredState().network(ApiTest.NET_A).orElseThrow().nic(ApiTest.NIC)
                .orElseThrow());
    }

    @Test
    void badGuestFieldsAre400NamingTheFieldAndChangeNothing() throws Exception {
        byte[] before = Files.readAllBytes(state.resolve("state.json"));
        String valid = codec.encode(full().newBuilder().uuid(NIC_2).mac(MacAddress.parse("02:00:00:00:00:02"))
                .ipv4(List.of(IpAddress.parse("10.1.1.11"))).build());
        Map<String, String> cases = Map.of(
                valid.replace("\"web-1\"", "\"web\\n1\""), "hostname",
                valid.replace("\"web-1\"", "\"web,1\""), "hostname",
                valid.replace("\"web-1\"", "\"web#1\""), "hostname",
                valid.replace("\"web-1\"", "\"web 1\""), "hostname",
                valid.replace("\"web-1\"", "\"" + "w".repeat(64) + "\""), "hostname",
                valid.replace("\"code\":66", "\"code\":256"), "dhcpOptions[0].code",
                valid.replace("\"code\":66", "\"code\":\"x\""), "dhcpOptions[0].code",
                valid.replace("\"10.1.1.5\"", "\"10.1.1.5\\ndhcp-range=0.0.0.0\""), "dhcpOptions[0].value",
                valid.replace(USER_DATA, "not-base64"), "userData",
                valid.replace(PASSWORD, "pw\\u0000"), "password");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            HttpResponse<String> r = put(NICS + NIC_2, bad.getKey());
            assertEquals(400, r.statusCode(), bad.getKey());
            assertEquals(bad.getValue(), codec.decodeProblem(r.body()).field().orElse(""), r.body());
            assertFalse(r.body().contains(PASSWORD), r.body());
        }
        assertArrayEquals(before, Files.readAllBytes(state.resolve("state.json")));
    }

    @Test
    void macOrAddressOfAnotherNicIs409NamingTheField() throws Exception {
        byte[] before = Files.readAllBytes(state.resolve("state.json"));
        NicSpec second = ApiTest.nic("10.1.1.11").newBuilder().uuid(NIC_2).mac(MacAddress.parse("02:00:00:00:00:02"))
                .build();
        HttpResponse<String> sameMac = put(NICS + NIC_2, codec.encode(second.newBuilder().mac(full().mac()).build()));
        assertEquals(409, sameMac.statusCode(), sameMac.body());
        assertEquals("mac", codec.decodeProblem(sameMac.body()).field().orElse(""));
        HttpResponse<String> sameIp = put(NICS + NIC_2, codec.encode(second.newBuilder()
                .ipv4(List.of(IpAddress.parse("10.1.1.10"))).build()));
        assertEquals(409, sameIp.statusCode(), sameIp.body());
        assertEquals("ipv4", codec.decodeProblem(sameIp.body()).field().orElse(""));
        assertArrayEquals(before, Files.readAllBytes(state.resolve("state.json")));
    }
}
