package org.linuxrouter.lrctl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.linuxrouter.daemon.tls.KeyStoreFile;
import org.linuxrouter.daemon.tls.SecretFile;
import org.linuxrouter.daemon.tls.SelfSignedIssuer;
import org.linuxrouter.daemon.tls.ServerIdentity;
import org.linuxrouter.daemon.tls.TlsServerContext;
import org.linuxrouter.protocol.auth.NonceCache;
import org.linuxrouter.protocol.auth.RouterSecret;
import org.linuxrouter.protocol.auth.SignatureVerifier;
import org.linuxrouter.protocol.auth.Verification;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.Problem;

/**
 * A stand-in linuxrouterd on loopback, set up the way a router is: a configuration file in a temp directory names
 * a PKCS#12 keystore (the daemon's own {@link SelfSignedIssuer} and {@link KeyStoreFile}) and a secret file, and a
 * real JDK HTTPS server presents that certificate. Every request is checked with the protocol's
 * {@link SignatureVerifier} (a bad one gets 401), recorded, and answered with whatever the test scripts.
 */
final class TestDaemon implements AutoCloseable {
  /** One request as the server saw it. */
  record Seen(String method, String target, String body, boolean signed) {
    String line() {
      return method + " " + target;
    }
  }

  /** A scripted answer. */
  record Answer(int status, String contentType, String body) {
    static Answer json(String body) {
      return new Answer(200, JsonCodec.JSON, body);
    }

    static Answer problem(Problem problem) {
      return new Answer(problem.status(), JsonCodec.PROBLEM_JSON, new JsonCodec().encode(problem));
    }

    static Answer empty(int status) {
      return new Answer(status, null, "");
    }
  }

  /** What one in-process lrctl run printed and returned. */
  record Run(int exit, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }
  }

  final Path dir;
  final Path config;
  final Path keystore;
  final Path secretFile;
  final ServerIdentity identity;
  final RouterSecret secret;
  private final HttpsServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final SignatureVerifier verifier;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private volatile Function<Seen, Answer> script = s -> Answer.empty(500);

  TestDaemon(Path dir) throws IOException {
    this.dir = dir;
    this.keystore = dir.resolve("tls/linuxrouterd.p12");
    this.secretFile = dir.resolve("secret");
    this.identity = new KeyStoreFile(keystore).loadOrCreate(() -> SelfSignedIssuer.system()
        .issue("localhost", Optional.of(InetAddress.getLoopbackAddress())));
    this.secret = new SecretFile(secretFile).loadOrCreate();
    this.verifier = new SignatureVerifier(secret, Clock.systemUTC(), new NonceCache(10_000));
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(TlsServerContext.httpsConfigurator(TlsServerContext.sslContext(identity)));
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
    this.config = writeConfig("listen = 127.0.0.1:" + port() + "\n");
  }

  /** A configuration file naming this daemon's keystore and secret, plus {@code extra} lines. */
  Path writeConfig(String extra) throws IOException {
    Path file = dir.resolve("linuxrouterd.conf");
    Files.writeString(file, "# written by TestDaemon\n" + extra + "tls_keystore = " + keystore + "\nsecret_file = "
        + secretFile + "\nstate_dir = " + dir.resolve("state") + "\n");
    return file;
  }

  int port() {
    return server.getAddress().getPort();
  }

  URI url() {
    return URI.create("https://127.0.0.1:" + port());
  }

  void answer(Function<Seen, Answer> script) {
    this.script = script;
  }

  List<Seen> seen() {
    return seen;
  }

  List<String> requestLines() {
    return seen.stream().map(Seen::line).toList();
  }

  /** {@code lrctl --config <this daemon's config> args...}, in-process. */
  Run run(String... args) {
    return runWithInput("", args);
  }

  Run runWithInput(String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of("--config", config.toString()));
    all.addAll(List.of(args));
    return lrctl(stdin, all.toArray(String[]::new));
  }

  /** lrctl with exactly {@code args}, reading {@code stdin}, with stdout and stderr captured. */
  static Run lrctl(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Lrctl.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      byte[] body = exchange.getRequestBody().readAllBytes();
      Verification verification = verifier.verify(exchange.getRequestMethod(), target,
          name -> exchange.getRequestHeaders().get(name), body);
      Seen request = new Seen(exchange.getRequestMethod(), target, new String(body, StandardCharsets.UTF_8),
          verification.isValid());
      seen.add(request);
      send(exchange, verification.isValid() ? script.apply(request) : Answer.problem(Problem.builder()
          .title("unauthorized").status(401).detail(verification.detail()).build()));
    }
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    if (answer.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    }
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
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
