package org.linuxrouter.drbdnfs.pair;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.client.AgentClient;
import org.linuxrouter.ha.status.report.AgentReport;
import org.linuxrouter.protocol.auth.RouterSecret;
import org.linuxrouter.protocol.client.CertificateFingerprint;

/** How the provider reaches the outside: an agent's status, a TCP port. Never throws; tests substitute it. */
public interface AgentTransport {
    Reading<AgentReport> status(URI agent, CertificateFingerprint pin, RouterSecret secret);

    /** Connects to {@code host:port} and closes: known true/false, unknown only for a bad address. */
    Reading<Boolean> tcpAnswers(String host, int port);

    /** The real thing: signed HTTPS with a pinned certificate, plain TCP connects. */
    static AgentTransport network(Duration timeout) {
        return new AgentTransport() {
            @Override
            public Reading<AgentReport> status(URI agent, CertificateFingerprint pin, RouterSecret secret) {
                return new AgentClient(agent, pin, secret, timeout).status();
            }

            @Override
            public Reading<Boolean> tcpAnswers(String host, int port) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                    return Reading.of(true);
                } catch (IllegalArgumentException e) {
                    return Reading.unknown(host + ":" + port + " is not an address: " + e.getMessage());
                } catch (IOException e) {
                    return Reading.of(false);
                }
            }
        };
    }
}
