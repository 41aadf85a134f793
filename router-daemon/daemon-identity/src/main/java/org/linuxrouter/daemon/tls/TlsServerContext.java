package org.linuxrouter.daemon.tls;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** TLS for the REST API: the server's identity, TLS 1.3 and 1.2 only, for the JDK HttpsServer. */
public final class TlsServerContext {
  /** The only protocol versions offered: TLS 1.0 and 1.1 are broken and SSLv3 more so. */
  public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private TlsServerContext() {
  }

  /** An SSLContext presenting {@code identity}; clients are not asked for certificates (requests are signed). */
  public static SSLContext sslContext(ServerIdentity identity) {
    try {
      char[] transientPassword = new char[0];
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(KeyStoreFile.ALIAS, identity.privateKey(), transientPassword,
          new Certificate[] {identity.certificate()});
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, transientPassword);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, new SecureRandom());
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the TLS context: " + e, e);
    }
  }

  /** Plugs {@code context} into an HttpsServer, restricted to {@link #PROTOCOLS}. */
  public static HttpsConfigurator httpsConfigurator(SSLContext context) {
    return new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        params.setSSLParameters(serverParameters(getSSLContext()));
      }
    };
  }

  /** The context's defaults with every protocol older than TLS 1.2 removed. */
  public static SSLParameters serverParameters(SSLContext context) {
    SSLParameters parameters = context.getDefaultSSLParameters();
    String[] allowed = Arrays.stream(parameters.getProtocols()).filter(PROTOCOLS::contains).toArray(String[]::new);
    if (allowed.length == 0) {
      throw new IllegalStateException("tls: expected the JDK to offer one of " + PROTOCOLS + ", got "
          + Arrays.toString(parameters.getProtocols()));
    }
    parameters.setProtocols(allowed);
    parameters.setNeedClientAuth(false);
    return parameters;
  }
}
