package org.linuxrouter.daemon.api;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.linuxrouter.daemon.config.DaemonConfig;
import org.linuxrouter.daemon.tls.TlsServerContext;
import org.linuxrouter.protocol.auth.NonceCache;
import org.linuxrouter.protocol.auth.RouterSecret;
import org.linuxrouter.protocol.auth.SignatureVerifier;
import org.linuxrouter.protocol.json.JsonCodec;

/**
 * The REST API's HTTP(S) server: the JDK's own server (no dependency), a small fixed pool of request threads, TLS
 * unless the configuration binds loopback with TLS off. Requests are bounded by body size and rate; writes wait
 * for the reconciler, so the pool also bounds how many writes wait at once.
 */
public final class ApiServer implements AutoCloseable {

    static final int THREADS = 8;
    static final int NONCES = 100_000;

    private final HttpServer server;
    private final ExecutorService pool;

    private ApiServer(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    /**
     * Binds and starts. {@code tls} is empty only when the configuration turned TLS off (loopback only);
     * {@code serviceMetrics} are the guest services' series for /metrics.
     */
    public static ApiServer start(DaemonConfig config, Optional<SSLContext> tls, RouterSecret secret,
                                  NetworkService service, PlanSource plans, Clock clock,
                                  MetricsText.Source... serviceMetrics) throws IOException {
        InetSocketAddress address = config.listen().socketAddress();
        HttpServer server;
        if (tls.isPresent()) {
            HttpsServer https = HttpsServer.create(address, 128);
            https.setHttpsConfigurator(TlsServerContext.httpsConfigurator(tls.get()));
            server = https;
        } else {
            server = HttpServer.create(address, 128);
        }
        JsonCodec codec = new JsonCodec();
        MetricsText metrics = new MetricsText(service, service.reconciler(), java.util.List.of(serviceMetrics));
        SignatureVerifier verifier = new SignatureVerifier(secret, clock, new NonceCache(NONCES));
        RateLimiter limiter = new RateLimiter(config.rateLimit().perSecond(), config.rateLimit().burst(), clock);
        server.createContext("/", new ApiHandler(new Routes(service, codec, plans, metrics), verifier, limiter,
                config.maxBodyBytes(), codec, metrics));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.start();
        return new ApiServer(server, pool);
    }

    /** The bound address (the port is chosen by the kernel when the configuration says 0). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(1);
        pool.shutdownNow();
    }
}
