package org.linuxrouter.daemon.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real JDK HttpsServer on loopback with the generated identity, and real TLS clients. */
class TlsServerContextTest {
  private ServerIdentity identity;
  private HttpsServer server;

  @BeforeEach
  void start() throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    identity = SelfSignedIssuer.system().issue("localhost", Optional.of(loopback));
    server = HttpsServer.create(new InetSocketAddress(loopback, 0), 0);
    server.setHttpsConfigurator(TlsServerContext.httpsConfigurator(TlsServerContext.sslContext(identity)));
    server.createContext("/", exchange -> {
      byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aClientTrustingOnlyThisCertificateGetsAnAnswerOverTls12And13() throws Exception {
    for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
      assertEquals(protocol, handshake(protocol));
    }
    HttpsURLConnection connection = (HttpsURLConnection) new URL(
        "https://localhost:" + server.getAddress().getPort() + "/").openConnection();
    connection.setSSLSocketFactory(trustingOnly(identity.certificate()).getSocketFactory());
    try (InputStream in = connection.getInputStream()) {
      assertEquals("ok", new String(in.readAllBytes(), StandardCharsets.UTF_8));
      assertEquals(identity.certificate(), connection.getServerCertificates()[0]);
    }
  }

  @Test
  void theConfiguratorHandsEveryConnectionOnlyTls12AndUp() {
    SSLContext context = TlsServerContext.sslContext(identity);
    RecordingParameters params = new RecordingParameters();
    TlsServerContext.httpsConfigurator(context).configure(params);
    assertEquals(List.of("TLSv1.3", "TLSv1.2"), List.of(params.applied.getProtocols()));
    assertEquals(false, params.applied.getNeedClientAuth());
  }

  /** What HttpsServer passes to the configurator for each connection; records what it is given. */
  private static final class RecordingParameters extends HttpsParameters {
    SSLParameters applied;

    @Override
    public HttpsConfigurator getHttpsConfigurator() {
      return null;
    }

    @Override
    public InetSocketAddress getClientAddress() {
      return new InetSocketAddress(InetAddress.getLoopbackAddress(), 1);
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
      applied = params;
    }
  }

  private String handshake(String protocol) throws Exception {
    SSLContext client = trustingOnly(identity.certificate());
    try (SSLSocket socket = (SSLSocket) client.getSocketFactory()
        .createSocket(server.getAddress().getAddress(), server.getAddress().getPort())) {
      socket.setEnabledProtocols(new String[] {protocol});
      socket.startHandshake();
      return socket.getSession().getProtocol();
    }
  }

  private static SSLContext trustingOnly(X509Certificate certificate) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("router", certificate);
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
