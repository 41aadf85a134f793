package org.linuxrouter.daemon.services.metadata;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The two guest-facing listeners, on the JDK's own HTTP server: metadata and user data (port 80) and the password
 * server (port 8080), each bound once to the wildcard address rather than once per gateway. 4,094 networks would
 * otherwise need 8,188 sockets, re-bound whenever a gateway (or later a VRRP address) comes or goes; a wildcard
 * socket sees each connection's local address, and {@link MetadataDirectory} maps (local, peer) to the one NIC
 * that may be answered. A small shared pool serves both: each answer is a map lookup and a few hundred bytes.
 */
public final class GuestHttpServer implements AutoCloseable {

    /**
     * The JDK server's switch for {@code TCP_NODELAY}, read once when its first server is created (so the daemon
     * sets it before the API server starts): it writes the response headers and the body as two segments, and
     * with Nagle's algorithm the body waits for the client's ACK of the headers.
     */
    static final String NODELAY = "sun.net.httpserver.nodelay";

    public static final int METADATA_PORT = 80;
    public static final int PASSWORD_PORT = 8080;
    static final int THREADS = 8;
    static final int BACKLOG = 1024;

    private final HttpServer metadata;
    private final HttpServer password;
    private final ExecutorService pool;

    private GuestHttpServer(HttpServer metadata, HttpServer password, ExecutorService pool) {
        this.metadata = metadata;
        this.password = password;
        this.pool = pool;
    }

    /** Turns off Nagle's algorithm on the JDK's HTTP servers; call before the process creates its first one. */
    public static void noDelay() {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
    }

    /** Binds both listeners (in the calling thread's network namespace) and starts serving {@code service}. */
    public static GuestHttpServer start(InetSocketAddress metadataAddress, InetSocketAddress passwordAddress,
                                        GuestDataService service) throws IOException {
        HttpServer metadata = HttpServer.create(metadataAddress, BACKLOG);
        HttpServer password;
        try {
            password = HttpServer.create(passwordAddress, BACKLOG);
        } catch (IOException e) {
            metadata.stop(0);
            throw e;
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "guest-http");
            t.setDaemon(true);
            return t;
        });
        metadata.createContext("/", new MetadataHandler(service));
        password.createContext("/", new PasswordHandler(service));
        metadata.setExecutor(pool);
        password.setExecutor(pool);
        metadata.start();
        password.start();
        return new GuestHttpServer(metadata, password, pool);
    }

    /** Both listeners on every IPv4 address, ports 80 and 8080, as the virtual router. */
    public static GuestHttpServer startOnWildcard(GuestDataService service) throws IOException {
        return start(new InetSocketAddress("0.0.0.0", METADATA_PORT), new InetSocketAddress("0.0.0.0", PASSWORD_PORT),
                service);
    }

    public InetSocketAddress metadataAddress() {
        return metadata.getAddress();
    }

    public InetSocketAddress passwordAddress() {
        return password.getAddress();
    }

    @Override
    public void close() {
        metadata.stop(0);
        password.stop(0);
        pool.shutdownNow();
    }
}
