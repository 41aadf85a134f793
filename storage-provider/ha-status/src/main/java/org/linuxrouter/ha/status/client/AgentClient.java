package org.linuxrouter.ha.status.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.linuxrouter.ha.status.Reading;
import org.linuxrouter.ha.status.report.AgentReport;
import org.linuxrouter.ha.status.report.AgentReportCodec;
import org.linuxrouter.protocol.auth.RequestSigner;
import org.linuxrouter.protocol.auth.RouterSecret;
import org.linuxrouter.protocol.client.CertificateFingerprint;
import org.linuxrouter.protocol.client.PinnedTrustManager;

/**
 * Asks one health agent for its status: {@code GET /v1/status}, signed with the pair's shared secret (router
 * protocol's HMAC scheme), the agent's certificate pinned by fingerprint. Never throws: an unreachable or
 * misbehaving agent is an unknown reading saying why.
 */
public final class AgentClient {
    public static final String STATUS_PATH = "/v1/status";

    private final URI baseUrl;
    private final RequestSigner signer;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param baseUrl {@code https://10.0.0.11:8444} (http only for a loopback agent with TLS off)
     */
    public AgentClient(URI baseUrl, CertificateFingerprint pin, RouterSecret secret, Duration timeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("agent URL must be https://host:port, got " + baseUrl);
        }
        this.signer = new RequestSigner(secret);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        SSLParameters tls = new SSLParameters();
        tls.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        this.http = HttpClient.newBuilder().sslContext(pinned(pin)).sslParameters(tls).connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY).build();
    }

    private static SSLContext pinned(CertificateFingerprint pin) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new PinnedTrustManager(pin)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK provides no TLS context", e);
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public Reading<AgentReport> status() {
        String where = "agent " + baseUrl.getHost() + ":" + baseUrl.getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + STATUS_PATH)).timeout(timeout)
                .header("Accept", "application/json").GET();
        for (Map.Entry<String, String> h : signer.sign("GET", STATUS_PATH, new byte[0]).asMap().entrySet()) {
            request.header(h.getKey(), h.getValue());
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                String body = response.body();
                return Reading.unknown(where + " answered " + response.statusCode() + ": "
                        + (body.length() > 300 ? body.substring(0, 300) : body));
            }
            return AgentReportCodec.decode(response.body()).about(where);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return Reading.unknown(where + ": no connection (" + describe(e) + ")");
        } catch (HttpTimeoutException e) {
            return Reading.unknown(where + ": no answer within " + timeout.toMillis() + " ms");
        } catch (SSLException e) {
            return Reading.unknown(where + ": TLS failed, certificate not the pinned one? (" + describe(e) + ")");
        } catch (IOException e) {
            return Reading.unknown(where + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reading.unknown(where + ": interrupted");
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
