package org.linuxrouter.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.protocol.auth.RouterSecret;
import org.linuxrouter.protocol.client.TestRouter.Answer;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.Fixtures;
import org.linuxrouter.protocol.model.NetworkState;

/** Every operation against a real HTTPS server that verifies signatures with the production verifier. */
class HttpRouterClientTest {
  @TempDir
  static Path dir;
  private static Path keystore;

  private final RouterSecret secret = RouterSecret.generate();
  private final JsonCodec codec = new JsonCodec();
  private TestRouter router;
  private HttpRouterClient client;

  @BeforeAll
  static void certificate() throws Exception {
    keystore = TestRouter.generateKeystore(dir);
  }

  @BeforeEach
  void start() throws Exception {
    router = new TestRouter(keystore, secret);
    client = new HttpRouterClient(RouterClientConfig.builder().baseUrl(router.url()).secret(secret)
        .pin(router.fingerprint()).build());
  }

  @AfterEach
  void stop() {
    router.close();
  }

  @Test
  void putNetworkSendsSignedJsonAndReturnsTheState() throws Exception {
    router.answer(seen -> Answer.json(200, codec.encode(Fixtures.state())));
    NetworkState state = client.putNetwork(Fixtures.fullNetwork());
    assertEquals(Fixtures.state(), state);
    TestRouter.Seen seen = router.seen().get(0);
    assertTrue(seen.verification.isValid(), seen.verification.toString());
    assertEquals("PUT", seen.method);
    assertEquals("/v1/networks/" + Fixtures.NETWORK, seen.target);
    assertEquals(Fixtures.fullNetwork(), codec.decodeNetworkSpec(seen.body));
  }

  @Test
  void everyOperationUsesItsDocumentedRequest() throws Exception {
    router.answer(seen -> {
      if (seen.method.equals("DELETE")) {
        return Answer.empty(204);
      }
      if (seen.target.equals("/v1/status")) {
        return Answer.json(200, codec.encode(Fixtures.routerStatus()));
      }
      if (seen.target.equals("/v1/networks")) {
        return Answer.json(200, codec.encodeNetworkList(Collections.singletonList(Fixtures.state())));
      }
      return Answer.json(200, codec.encode(Fixtures.state()));
    });
    assertEquals(Optional.of(Fixtures.state()), client.getNetwork(Fixtures.NETWORK));
    assertEquals(Collections.singletonList(Fixtures.state()), client.listNetworks());
    assertEquals(Fixtures.state(), client.putNic(Fixtures.NETWORK, Fixtures.nicA()));
    client.deleteNic(Fixtures.NETWORK, Fixtures.NIC_A);
    client.deleteNetwork(Fixtures.NETWORK);
    assertEquals(Fixtures.routerStatus(), client.status());
    String network = "/v1/networks/" + Fixtures.NETWORK;
    assertEquals(Arrays.asList("GET " + network, "GET /v1/networks", "PUT " + network + "/nics/" + Fixtures.NIC_A,
        "DELETE " + network + "/nics/" + Fixtures.NIC_A, "DELETE " + network, "GET /v1/status"),
        router.seen().stream().map(s -> s.method + " " + s.target).collect(java.util.stream.Collectors.toList()));
    assertTrue(router.seen().stream().allMatch(s -> s.verification.isValid()));
    assertEquals(Fixtures.nicA(), codec.decodeNicSpec(router.seen().get(2).body));
  }

  @Test
  void planIsASignedGetOfV1Plan() throws Exception {
    router.answer(seen -> Answer.json(200, codec.encode(Fixtures.plan())));
    assertEquals(Fixtures.plan(), client.plan());
    TestRouter.Seen seen = router.seen().get(0);
    assertTrue(seen.verification.isValid(), seen.verification.toString());
    assertEquals("GET /v1/plan", seen.method + " " + seen.target);
    assertEquals("", seen.body);
  }

  @Test
  void planThatIsNotAPlanIsAServerError() {
    router.answer(seen -> Answer.json(200, "{\"steps\":[{\"network\":\"eth1\",\"action\":\"x\"}]}"));
    RouterServerException e = assertThrows(RouterServerException.class, client::plan);
    assertEquals("router " + router.url() + " plan: expected a response body this client understands, got"
        + " steps[0].network: expected a lower-case uuid like 3f2504e0-4f89-11d3-9a0c-0305e82c3301, got \"eth1\"",
        e.getMessage());
  }

  @Test
  void notFoundMeansAbsentForGetAndDoneForDelete() throws Exception {
    router.answer(seen -> Answer.empty(404));
    assertEquals(Optional.empty(), client.getNetwork(Fixtures.NETWORK));
    client.deleteNetwork(Fixtures.NETWORK);
    client.deleteNic(Fixtures.NETWORK, Fixtures.NIC_B);
    assertEquals(3, router.seen().size());
  }

  @Test
  void pinMismatchFailsBeforeAnyRequestIsSent() {
    CertificateFingerprint other = CertificateFingerprint.parse("00".repeat(32));
    HttpRouterClient wrongPin = new HttpRouterClient(RouterClientConfig.builder().baseUrl(router.url())
        .secret(secret).pin(other).build());
    RouterUnreachableException e = assertThrows(RouterUnreachableException.class, wrongPin::status);
    assertEquals("router " + router.url() + " status: expected a tls handshake with the pinned certificate, got"
        + " tls: expected certificate sha-256 " + other + ", got " + router.fingerprint(), e.getMessage());
    assertEquals(0, router.seen().size());
  }

  @Test
  void pinAcceptsTheCertificateWithoutAnyHostnameOrCaCheck() throws Exception {
    router.answer(seen -> Answer.json(200, codec.encode(Fixtures.routerStatus())));
    HttpRouterClient byName = new HttpRouterClient(RouterClientConfig.builder()
        .baseUrl(java.net.URI.create("https://localhost:" + router.url().getPort())).secret(secret)
        .pin(CertificateFingerprint.parse(router.fingerprint().toString().replace(":", "").toLowerCase())).build());
    assertEquals(Fixtures.routerStatus(), byName.status());
  }

  @Test
  void wrongSecretIsRejectedWith401AndTheProblem() {
    HttpRouterClient wrongSecret = new HttpRouterClient(RouterClientConfig.builder().baseUrl(router.url())
        .secret(RouterSecret.generate()).pin(router.fingerprint()).build());
    RouterRejectedException e = assertThrows(RouterRejectedException.class, wrongSecret::status);
    assertEquals(401, e.problem().status());
    assertTrue(e.problem().detail().get().startsWith("x-lr-signature: expected hmac-sha256"), e.getMessage());
    assertEquals(1, router.seen().size(), "401 must not be retried");
    assertFalse(e.getMessage().contains(secret.encoded()));
  }
}
