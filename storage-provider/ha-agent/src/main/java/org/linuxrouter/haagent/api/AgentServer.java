package org.linuxrouter.haagent.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.linuxrouter.daemon.tls.TlsServerContext;
import org.linuxrouter.protocol.auth.NonceCache;
import org.linuxrouter.protocol.auth.RouterSecret;
import org.linuxrouter.protocol.auth.SignatureVerifier;
import org.linuxrouter.protocol.auth.Verification;

/**
 * The agent's HTTPS API: one resource, {@code GET /v1/status}, signed exactly like linuxrouterd's requests
 * (router-protocol's HMAC headers, replay window and nonce cache). Requests carry no body and change nothing.
 */
public final class AgentServer implements AutoCloseable {
    public static final String STATUS_PATH = "/v1/status";
    private static final Logger LOG = System.getLogger(AgentServer.class.getName());
    private static final int MAX_BODY = 1024;

    private final HttpServer server;
    private final ExecutorService pool;

    private AgentServer(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    /** {@code tls} is empty only when the configuration turned TLS off on a loopback address. */
    public static AgentServer start(InetSocketAddress address, Optional<SSLContext> tls, RouterSecret secret,
            StatusSource status, Clock clock) throws IOException {
        HttpServer server;
        if (tls.isPresent()) {
            HttpsServer https = HttpsServer.create(address, 32);
            https.setHttpsConfigurator(TlsServerContext.httpsConfigurator(tls.get()));
            server = https;
        } else {
            server = HttpServer.create(address, 32);
        }
        SignatureVerifier verifier = new SignatureVerifier(secret, clock, new NonceCache(10_000));
        server.createContext("/", exchange -> handle(exchange, verifier, status));
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "ha-agent-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.start();
        return new AgentServer(server, pool);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static void handle(HttpExchange exchange, SignatureVerifier verifier, StatusSource status) throws IOException {
        int code;
        String type;
        String body;
        try {
            byte[] request = readBody(exchange);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String target = query == null ? path : path + "?" + query;
            Verification v = request == null ? null : verifier.verify(method, target, exchange.getRequestHeaders()::get, request);
            if (request == null) {
                code = 413;
                body = problem("request too large", "expected no body");
            } else if (!v.isValid()) {
                code = 401;
                body = problem("unauthorized", v.detail());
            } else if (!STATUS_PATH.equals(path) || query != null) {
                code = 404;
                body = problem("not found", "the only resource is GET " + STATUS_PATH);
            } else if (!"GET".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET");
                code = 405;
                body = problem("method not allowed", "expected GET");
            } else {
                code = 200;
                body = status.statusJson();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "collecting status failed", e);
            code = 500;
            body = problem("internal error", "the agent failed unexpectedly; see its log");
        }
        type = code == 200 ? "application/json" : "application/problem+json";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            return b.length > MAX_BODY ? null : b;
        }
    }

    private static String problem(String title, String detail) {
        com.google.gson.JsonObject o = new com.google.gson.JsonObject();
        o.addProperty("title", title);
        o.addProperty("detail", detail);
        return o.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    /** Produces the status document; called on a request thread. */
    @FunctionalInterface
    public interface StatusSource {
        String statusJson();
    }
}
