package org.linuxrouter.daemon.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.protocol.auth.RequestSigner;
import org.linuxrouter.protocol.auth.SignatureHeaders;
import org.linuxrouter.protocol.json.JsonCodec;

/**
 * Bad input of every kind gets a 4xx with a problem body, never a 5xx, never a state change, never a crash:
 * hand-picked cases first, then seeded random mutations of a valid request.
 */
class ApiBadInputTest {

    private static final String A = "/v1/networks/" + ApiTest.NET_A;
    private static final String VALID = new JsonCodec().encode(ApiTest.spec(ApiTest.NET_A, 100, "10.1.1.1/24"));

    @TempDir
    Path state;
    private ApiFixture api;
    private byte[] stateBefore;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture(state, false);
        assertEquals(200, api.signed("PUT", "/v1/networks/" + ApiTest.NET_B,
                new JsonCodec().encode(ApiTest.spec(ApiTest.NET_B, 200, "10.2.2.1/24")).getBytes(StandardCharsets.UTF_8),
                JsonCodec.JSON).statusCode());
        stateBefore = Files.readAllBytes(state.resolve("state.json"));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void malformedBodiesAre400NamingTheProblem() {
        for (String body : List.of("", "{", "null", "[]", "{\"uuid\":1}", VALID.replace("100", "4095"),
                VALID.replace("100", "\"100\""), VALID.replace("}", ",\"extra\":true}"),
                VALID.replace("10.1.1.1/24", "10.1.1.0/24"), VALID.replace("10.1.1.1/24", "010.1.1.1/24"),
                withTrunk("eth1;reboot"),
                withTrunk("$(rm -rf /)"),
                withTrunk("averyveryverylongname"),
                withTrunk("eth1234567890"),
                "{".repeat(5000) + "}".repeat(5000), "\"\\ud800\"")) {
            expectRefused(api.signed("PUT", A, body.getBytes(StandardCharsets.UTF_8), JsonCodec.JSON), 400, body);
        }
        expectRefused(api.signed("PUT", A, new byte[] {(byte) 0xff, (byte) 0xfe, '{'}, JsonCodec.JSON), 400, "bad utf-8");
    }

    @Test
    void authenticationFailuresAre401() {
        byte[] body = VALID.getBytes(StandardCharsets.UTF_8);
        expectRefused(api.send(api.raw("PUT", A, body, JsonCodec.JSON)), 401, "unsigned");
        SignatureHeaders h = new RequestSigner(api.secret).sign("PUT", A, body);
        expectRefused(api.send(api.raw("PUT", A, VALID.replace("100", "101").getBytes(StandardCharsets.UTF_8),
                JsonCodec.JSON).headers(ApiFixture.headers(h))), 401, "tampered body");
        expectRefused(api.send(api.raw("PUT", "/v1/networks/" + ApiTest.NET_B, body, JsonCodec.JSON)
                .headers(ApiFixture.headers(h))), 401, "other path");
        SignatureHeaders stale = new RequestSigner(api.secret).sign("PUT", A, body,
                System.currentTimeMillis() / 1000 - 301, "bm9uY2Utc3RhbGUtMDAwMDAwMDA");
        expectRefused(api.send(api.raw("PUT", A, body, JsonCodec.JSON).headers(ApiFixture.headers(stale))), 401, "stale");
        SignatureHeaders once = new RequestSigner(api.secret).sign("GET", "/v1/status", new byte[0]);
        assertEquals(200, api.send(api.raw("GET", "/v1/status", new byte[0], null).headers(ApiFixture.headers(once)))
                .statusCode());
        expectRefused(api.send(api.raw("GET", "/v1/status", new byte[0], null).headers(ApiFixture.headers(once))),
                401, "replayed nonce");
    }

    @Test
    void wrongShapesOfRequestAreRefused() {
        expectRefused(api.signed("PUT", A, new byte[70 * 1024], JsonCodec.JSON), 413, "huge body");
        expectRefused(api.signed("PUT", A, VALID.getBytes(StandardCharsets.UTF_8), "text/plain"), 415, "media type");
        expectRefused(api.signed("POST", A, VALID.getBytes(StandardCharsets.UTF_8), JsonCodec.JSON), 405, "method");
        expectRefused(api.signed("PUT", "/v1/networks/not-a-uuid", VALID.getBytes(StandardCharsets.UTF_8),
                JsonCodec.JSON), 400, "bad uuid");
        expectRefused(api.signed("PUT", "/v1/networks/" + ApiTest.NET_B, VALID.getBytes(StandardCharsets.UTF_8),
                JsonCodec.JSON), 400, "uuid mismatch");
        expectRefused(api.signed("GET", "/v1/networks/../status", new byte[0], null), 404, "dot segments");
        expectRefused(api.signed("GET", "/v1/nothing", new byte[0], null), 404, "unknown");
        expectRefused(api.signed("GET", "/v1/status?x=1", new byte[0], null), 400, "query");
        expectRefused(api.signed("PUT", "/v1/networks/" + ApiTest.NET_A + "/nics/" + ApiTest.NIC,
                new JsonCodec().encode(ApiTest.nic("10.1.1.5")).getBytes(StandardCharsets.UTF_8), JsonCodec.JSON),
                404, "nic of a missing network");
    }

    @Test
    void metricsAreTheOneResourceServedUnsigned() {
        HttpResponse<String> metrics = api.send(api.raw("GET", "/metrics", new byte[0], null));
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("\nlinuxrouter_networks 1\n"), metrics.body());
        assertTrue(metrics.body().contains("linuxrouter_http_responses_total{code=\"200\"}"), metrics.body());
        expectRefused(api.send(api.raw("GET", "/v1/networks", new byte[0], null)), 401, "unsigned list");
    }

    @Test
    void randomMutationsOfAValidRequestNeverCauseA5xx() {
        Random random = new Random(20261125);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] body = mutate(VALID.getBytes(StandardCharsets.UTF_8), random);
            HttpResponse<String> r = api.signed("PUT", A, body, JsonCodec.JSON);
            if (r.statusCode() >= 500 || (r.statusCode() != 200 && r.statusCode() / 100 != 4)) {
                failures.add(r.statusCode() + " for " + new String(body, StandardCharsets.UTF_8));
            }
            if (r.statusCode() == 200) {
                api.signed("DELETE", A, new byte[0], null);
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(api.service.network(ApiTest.NET_A).isEmpty());
    }

    private static String withTrunk(String trunk) {
        return "{\"trunk\":\"" + trunk + "\"," + VALID.substring(1);
    }

    private void expectRefused(HttpResponse<String> response, int status, String what) {
        assertEquals(status, response.statusCode(), what + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(JsonCodec.PROBLEM_JSON), what);
        assertTrue(response.body().contains("\"detail\""), what + ": a problem names what was wrong: " + response.body());
        try {
            assertArrayEquals(stateBefore, Files.readAllBytes(state.resolve("state.json")), what + " changed the state");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(1, api.service.networks().size(), what);
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] b = valid.clone();
        switch (random.nextInt(4)) {
            case 0:
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                return b;
            case 1:
                return java.util.Arrays.copyOf(b, random.nextInt(b.length));
            case 2:
                int at = random.nextInt(b.length);
                byte[] junk = "\u0000;|&`$()<>\\\"'\n{}[]:,".getBytes(StandardCharsets.UTF_8);
                byte[] out = new byte[b.length + 1];
                System.arraycopy(b, 0, out, 0, at);
                out[at] = junk[random.nextInt(junk.length)];
                System.arraycopy(b, at, out, at + 1, b.length - at);
                return out;
            default:
                for (int i = 0; i < 5; i++) {
                    b[random.nextInt(b.length)] = (byte) ('0' + random.nextInt(10));
                }
                return b;
        }
    }
}
