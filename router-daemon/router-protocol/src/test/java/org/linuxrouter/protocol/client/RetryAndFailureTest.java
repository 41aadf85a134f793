package org.linuxrouter.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.protocol.auth.RequestSigner;
import org.linuxrouter.protocol.auth.RouterSecret;
import org.linuxrouter.protocol.client.TestRouter.Answer;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.Fixtures;
import org.linuxrouter.protocol.model.Problem;

/** Retries stop at the bound, only for retryable failures; 4xx, 5xx and timeouts map to their exceptions. */
class RetryAndFailureTest {
  @TempDir
  static Path dir;
  private static Path keystore;

  private final RouterSecret secret = RouterSecret.generate();
  private TestRouter router;
  private RouterClientConfig config;

  @BeforeAll
  static void certificate() throws Exception {
    keystore = TestRouter.generateKeystore(dir);
  }

  @BeforeEach
  void start() throws Exception {
    router = new TestRouter(keystore, secret);
    config = RouterClientConfig.builder().baseUrl(router.url()).secret(secret).pin(router.fingerprint())
        .maxAttempts(3).initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(40)).build();
  }

  @AfterEach
  void stop() {
    router.close();
  }

  @Test
  void unavailableIsRetriedUpToTheBoundWithFreshSignatures() {
    router.answer(seen -> Answer.problem(Problem.builder().title("reconciler busy").status(503).build()));
    long started = System.nanoTime();
    RouterServerException e = assertThrows(RouterServerException.class,
        () -> new HttpRouterClient(config).putNetwork(Fixtures.fullNetwork()));
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(3, router.seen().size());
    assertTrue(router.seen().stream().allMatch(s -> s.verification.isValid()), "a retry must not reuse a nonce");
    assertTrue(elapsedMillis >= 20 + 40, "backoff 20 ms then 40 ms, took " + elapsedMillis);
    assertEquals(OptionalInt.of(503), e.status());
    assertEquals("router " + router.url() + " putNetwork " + Fixtures.NETWORK + ": expected a 2xx response, got 503"
        + " reconciler busy", e.getMessage());
  }

  @Test
  void unavailableThenSuccessReturnsTheResult() throws Exception {
    router.answer(seen -> router.seen().size() < 2 ? Answer.empty(503)
        : Answer.json(200, new JsonCodec().encode(Fixtures.routerStatus())));
    assertEquals(Fixtures.routerStatus(), new HttpRouterClient(config).status());
    assertEquals(2, router.seen().size());
  }

  @Test
  void tooManyRequestsIsRetriedThenRejected() {
    router.answer(seen -> Answer.empty(429));
    RouterRejectedException e = assertThrows(RouterRejectedException.class, () -> new HttpRouterClient(config).status());
    assertEquals(3, router.seen().size());
    assertEquals(429, e.problem().status());
    assertEquals("router sent no problem details", e.problem().detail().get());
  }

  @Test
  void badRequestIsNeverRetriedAndCarriesTheProblem() {
    Problem problem = Problem.builder().title("invalid request").status(400).field("gateway4")
        .detail("gateway4: expected a host address of 10.1.1.0/24, got its network address 10.1.1.0").build();
    router.answer(seen -> Answer.problem(problem));
    RouterRejectedException e = assertThrows(RouterRejectedException.class,
        () -> new HttpRouterClient(config).putNetwork(Fixtures.fullNetwork()));
    assertEquals(1, router.seen().size());
    assertEquals(problem, e.problem());
    assertEquals("router " + router.url() + " putNetwork " + Fixtures.NETWORK + ": rejected with 400 invalid request: "
        + problem.detail().get(), e.getMessage());
  }

  @Test
  void serverErrorIsNotRetried() {
    router.answer(seen -> Answer.problem(Problem.builder().title("apply failed").status(500).detail("ip: eperm").build()));
    RouterServerException e = assertThrows(RouterServerException.class,
        () -> new HttpRouterClient(config).deleteNetwork(Fixtures.NETWORK));
    assertEquals(1, router.seen().size());
    assertEquals("apply failed", e.problem().get().title());
  }

  @Test
  void unreadableSuccessBodyIsAServerError() {
    router.answer(seen -> Answer.json(200, "{\"version\":\"9\",\"networks\":0,\"nics\":0,\"drifted\":[],\"x\":1}"));
    RouterServerException e = assertThrows(RouterServerException.class, () -> new HttpRouterClient(config).status());
    assertTrue(e.getMessage().endsWith("expected a response body this client understands, got x: expected only the"
        + " fields version, networks, nics, lastReconcile, drifted, pair, dnsmasq, dnsmasqRestarts, metadata,"
        + " antiSpoofing, got an unknown field"),
        e.getMessage());
  }

  @Test
  void requestTimeoutFiresAndIsNotRetried() {
    router.answer(seen -> Answer.empty(204).after(3000));
    RouterClientConfig impatient = config.newBuilder().requestTimeout(Duration.ofMillis(300)).build();
    long started = System.nanoTime();
    RouterUnreachableException e = assertThrows(RouterUnreachableException.class,
        () -> new HttpRouterClient(impatient).deleteNic(Fixtures.NETWORK, Fixtures.NIC_A));
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(elapsedMillis < 2500, "took " + elapsedMillis + " ms");
    assertEquals("router " + router.url() + " deleteNic " + Fixtures.NETWORK + "/" + Fixtures.NIC_A
        + ": expected a response within PT0.3S, got none", e.getMessage());
    assertEquals(1, router.seen().size());
  }

  @Test
  void refusedConnectionsAreRetriedUpToTheBound() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RouterClientConfig nowhere = config.newBuilder().baseUrl(URI.create("https://127.0.0.1:" + closedPort)).build();
    RouterUnreachableException e = assertThrows(RouterUnreachableException.class,
        () -> new HttpRouterClient(nowhere).listNetworks());
    assertTrue(e.getMessage().startsWith("router https://127.0.0.1:" + closedPort + " listNetworks: expected a"
        + " connection within PT5S, got ConnectException"), e.getMessage());
    assertTrue(e.getMessage().endsWith("after 3 attempts"), e.getMessage());
    assertEquals(OptionalInt.empty(), e.status());
  }

  @Test
  void skewedClientClockIsRejectedByTheVerifier() {
    RequestSigner late = new RequestSigner(secret, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(400)),
        new SecureRandom());
    RouterRejectedException e = assertThrows(RouterRejectedException.class,
        () -> new HttpRouterClient(config, late).status());
    assertEquals(401, e.problem().status());
    assertTrue(e.problem().detail().get().startsWith("x-lr-timestamp: expected within 300 s"), e.getMessage());
  }

  @Test
  void messagesAndConfigNeverShowTheSecret() {
    router.answer(seen -> Answer.empty(503));
    RouterServerException e = assertThrows(RouterServerException.class, () -> new HttpRouterClient(config).status());
    assertFalse(e.getMessage().contains(secret.encoded()));
    assertFalse(config.toString().contains(secret.encoded()));
    assertTrue(config.toString().contains("secret=redacted"));
    assertEquals(3, router.seen().stream().map(s -> s.method).collect(Collectors.toList()).size());
  }
}
