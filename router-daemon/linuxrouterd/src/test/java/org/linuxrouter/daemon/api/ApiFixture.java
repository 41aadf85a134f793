package org.linuxrouter.daemon.api;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.linuxrouter.daemon.config.DaemonConfig;
import org.linuxrouter.daemon.config.ListenAddress;
import org.linuxrouter.daemon.kernel.KernelState;
import org.linuxrouter.daemon.reconcile.Differ;
import org.linuxrouter.daemon.reconcile.HostTuning;
import org.linuxrouter.daemon.reconcile.Reconciler;
import org.linuxrouter.daemon.reconcile.Topology;
import org.linuxrouter.daemon.store.FileStateStore;
import org.linuxrouter.daemon.testing.FakeKernel;
import org.linuxrouter.daemon.tls.SelfSignedIssuer;
import org.linuxrouter.daemon.tls.ServerIdentity;
import org.linuxrouter.daemon.tls.TlsServerContext;
import org.linuxrouter.protocol.auth.RequestSigner;
import org.linuxrouter.protocol.auth.RouterSecret;
import org.linuxrouter.protocol.auth.SignatureHeaders;
import org.linuxrouter.protocol.client.CertificateFingerprint;
import org.linuxrouter.protocol.client.HttpRouterClient;
import org.linuxrouter.protocol.client.RouterClientConfig;
import org.linuxrouter.protocol.model.InterfaceName;

/**
 * The daemon's API in-process, on loopback, over a {@link FakeKernel} and a real state file in a temp directory.
 * TLS (pinned, as CloudStack uses it) or plain HTTP on loopback (for raw requests).
 */
final class ApiFixture implements AutoCloseable {

    final FakeKernel kernel = new FakeKernel();
    final RouterSecret secret = RouterSecret.generate();
    final Path stateDir;
    final NetworkService service;
    final ApiServer server;
    final Optional<ServerIdentity> identity;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ApiFixture(Path stateDir, boolean tls) throws IOException {
        this.stateDir = stateDir;
        DaemonConfig defaults = DaemonConfig.defaults();
        DaemonConfig config = new DaemonConfig(new ListenAddress(InetAddress.getLoopbackAddress(), freePort()), tls,
                defaults.keystore(), defaults.secretFile(), stateDir, InterfaceName.of("eth1"),
                Optional.of(InterfaceName.of("eth0")), defaults.proxyMode(), Duration.ofMinutes(1),
                64 * 1024, new org.linuxrouter.daemon.config.RateLimit(1000, 1000), defaults.logLevel());
        Topology topology = new Topology(config.trunkInterface(), config.uplinkInterface());
        service = new NetworkService(new FileStateStore(stateDir),
                desired -> new Reconciler(desired, kernel, HostTuning.NONE, Clock.systemUTC(), Duration.ofMinutes(1)),
                topology, ApiFixture::interfaceMtu, Duration.ofSeconds(5), "test");
        service.reconciler().start();
        identity = tls ? Optional.of(SelfSignedIssuer.system().issue("localhost",
                Optional.of(InetAddress.getLoopbackAddress()))) : Optional.empty();
        Optional<SSLContext> context = identity.map(TlsServerContext::sslContext);
        server = ApiServer.start(config, context, secret, service,
                () -> Differ.diff(service.snapshot().kernel(), kernel.observe()), Clock.systemUTC());
    }

    /** The router's interfaces as the API sees them: the uplink and the trunk (also the VXLAN underlay). */
    static java.util.OptionalInt interfaceMtu(String name) {
        return name.equals("eth0") || name.equals("eth1") ? java.util.OptionalInt.of(1500)
                : java.util.OptionalInt.empty();
    }

    URI base() {
        return URI.create((identity.isPresent() ? "https" : "http") + "://127.0.0.1:" + server.address().getPort());
    }

    HttpRouterClient client() {
        return new HttpRouterClient(RouterClientConfig.builder().baseUrl(base()).secret(secret)
                .pin(CertificateFingerprint.parse(identity.orElseThrow().fingerprint())).build());
    }

    KernelState kernelState() {
        return kernel.observe();
    }

    /** A request signed correctly (plain HTTP fixture only). */
    HttpResponse<String> signed(String method, String target, byte[] body, String contentType) {
        SignatureHeaders h = new RequestSigner(secret).sign(method, target, body);
        return send(raw(method, target, body, contentType).headers(headers(h)));
    }

    /** A request with exactly the headers given. */
    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    HttpRequest.Builder raw(String method, String target, byte[] body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + target)).timeout(Duration.ofSeconds(10))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return b;
    }

    static String[] headers(SignatureHeaders h) {
        return new String[] {SignatureHeaders.TIMESTAMP, Long.toString(h.timestamp()), SignatureHeaders.NONCE, h.nonce(),
                SignatureHeaders.SIGNATURE, h.signature()};
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        service.reconciler().close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
