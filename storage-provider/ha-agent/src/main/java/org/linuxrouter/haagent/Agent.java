package org.linuxrouter.haagent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.linuxrouter.daemon.tls.Hostname;
import org.linuxrouter.daemon.tls.KeyStoreFile;
import org.linuxrouter.daemon.tls.SecretFile;
import org.linuxrouter.daemon.tls.SelfSignedIssuer;
import org.linuxrouter.daemon.tls.ServerIdentity;
import org.linuxrouter.daemon.tls.TlsServerContext;
import org.linuxrouter.ha.status.report.AgentReportCodec;
import org.linuxrouter.haagent.api.AgentServer;
import org.linuxrouter.haagent.collect.Collector;
import org.linuxrouter.haagent.config.AgentConfig;
import org.linuxrouter.protocol.auth.RouterSecret;

/** Composition root: identity, collector, server. */
public final class Agent implements AutoCloseable {
    /** Status is collected at most this often, however many pollers ask (each collection runs ~10 programs). */
    static final Duration CACHE = Duration.ofSeconds(2);

    private final AgentServer server;
    private final String fingerprint;

    private Agent(AgentServer server, String fingerprint) {
        this.server = server;
        this.fingerprint = fingerprint;
    }

    public static Agent start(AgentConfig config) throws IOException {
        ServerIdentity identity = new KeyStoreFile(config.keyStore()).loadOrCreate(() -> SelfSignedIssuer.system()
                .issue(Hostname.forCertificate(), Optional.of(config.listen().getAddress())));
        RouterSecret secret = new SecretFile(config.secretFile()).loadOrCreate();
        Optional<SSLContext> tls = config.tls() ? Optional.of(TlsServerContext.sslContext(identity)) : Optional.empty();
        Collector collector = new Collector(config);
        Clock clock = Clock.systemUTC();
        AgentServer server = AgentServer.start(config.listen(), tls, secret, new Cached(collector, clock), clock);
        return new Agent(server, identity.fingerprint());
    }

    public InetSocketAddress address() {
        return server.address();
    }

    /** The SHA-256 fingerprint CloudStack pins when the pair is registered. */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public void close() {
        server.close();
    }

    private static final class Cached implements AgentServer.StatusSource {
        private final Collector collector;
        private final Clock clock;
        private String json;
        private Instant at = Instant.MIN;

        Cached(Collector collector, Clock clock) {
            this.collector = collector;
            this.clock = clock;
        }

        @Override
        public synchronized String statusJson() {
            Instant now = clock.instant();
            if (json == null || !now.isBefore(at.plus(CACHE))) {
                json = AgentReportCodec.encode(collector.collect());
                at = now;
            }
            return json;
        }
    }
}
