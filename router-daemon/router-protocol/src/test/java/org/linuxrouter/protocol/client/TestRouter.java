package org.linuxrouter.protocol.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.linuxrouter.protocol.auth.NonceCache;
import org.linuxrouter.protocol.auth.RouterSecret;
import org.linuxrouter.protocol.auth.SignatureVerifier;
import org.linuxrouter.protocol.auth.Verification;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.Problem;

/**
 * A real HTTPS server on loopback standing in for linuxrouterd: it checks every request with the
 * production {@link SignatureVerifier}, records it, and answers with whatever the test scripts.
 * Its certificate is generated per run with the JDK's keytool (package openjdk-17-jdk-headless).
 */
final class TestRouter implements AutoCloseable {
  private static final char[] PASSWORD = "test-only".toCharArray();

  /** One request as the server saw it. */
  static final class Seen {
    final String method;
    final String target;
    final String body;
    final Verification verification;

    Seen(String method, String target, String body, Verification verification) {
      this.method = method;
      this.target = target;
      this.body = body;
      this.verification = verification;
    }
  }

  /** A scripted answer. */
  static final class Answer {
    final int status;
    final String contentType;
    final String body;
    final long delayMillis;

    Answer(int status, String contentType, String body, long delayMillis) {
      this.status = status;
      this.contentType = contentType;
      this.body = body;
      this.delayMillis = delayMillis;
    }

    static Answer json(int status, String body) {
      return new Answer(status, JsonCodec.JSON, body, 0);
    }

    static Answer problem(Problem problem) {
      return new Answer(problem.status(), JsonCodec.PROBLEM_JSON, new JsonCodec().encode(problem), 0);
    }

    static Answer empty(int status) {
      return new Answer(status, null, "", 0);
    }

    Answer after(long millis) {
      return new Answer(status, contentType, body, millis);
    }
  }

  private final HttpsServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final X509Certificate certificate;
  private final SignatureVerifier verifier;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private volatile Function<Seen, Answer> script = s -> Answer.empty(204);

  TestRouter(Path keystore, RouterSecret secret) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      keys.load(in, PASSWORD);
    }
    certificate = (X509Certificate) keys.getCertificate("router");
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    verifier = new SignatureVerifier(secret, Clock.systemUTC(), new NonceCache(10_000));
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Generates a self-signed EC certificate for 127.0.0.1, the way the daemon will. */
  static Path generateKeystore(Path dir) throws Exception {
    Path keystore = dir.resolve("router.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "router", "-keyalg", "EC",
        "-groupname", "secp256r1", "-dname", "CN=linuxrouterd-test", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
        "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD),
        "-keypass", new String(PASSWORD), "-noprompt").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool: expected exit 0, got " + output);
    }
    return keystore;
  }

  URI url() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  CertificateFingerprint fingerprint() {
    return CertificateFingerprint.of(certificate);
  }

  void answer(Function<Seen, Answer> script) {
    this.script = script;
  }

  List<Seen> seen() {
    return seen;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      URI uri = exchange.getRequestURI();
      String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      byte[] body = exchange.getRequestBody().readAllBytes();
      Verification verification = verifier.verify(exchange.getRequestMethod(), target,
          name -> exchange.getRequestHeaders().get(name), body);
      Seen request = new Seen(exchange.getRequestMethod(), target, new String(body, StandardCharsets.UTF_8),
          verification);
      seen.add(request);
      Answer answer = verification.isValid() ? script.apply(request) : Answer.problem(Problem.builder()
          .title("unauthorized").status(401).detail(verification.detail()).build());
      if (answer.delayMillis > 0) {
        Thread.sleep(answer.delayMillis);
      }
      send(exchange, answer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    byte[] bytes = answer.body.getBytes(StandardCharsets.UTF_8);
    if (answer.contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", answer.contentType);
    }
    exchange.sendResponseHeaders(answer.status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
