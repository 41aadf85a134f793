package org.linuxrouter.protocol.client;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate: the one whose SHA-256 fingerprint CloudStack pinned when the
 * router was registered. The daemon generates a self-signed certificate, so there is no CA to chain
 * to and no name CloudStack could check it against; routers are also often addressed by IP.
 *
 * <p>Hostname verification is deliberately off. It exists to stop a CA-signed certificate for one
 * name being used for another; with a pin there is no CA, and the pin already identifies the single
 * acceptable key, so a name check would add nothing but failures. This class extends
 * {@link X509ExtendedTrustManager} precisely so that JSSE does not wrap it with its own endpoint
 * identification (it does that only for plain {@code X509TrustManager}s): the pin replaces it.
 */
public final class PinnedTrustManager extends X509ExtendedTrustManager {
  private final CertificateFingerprint pin;

  public PinnedTrustManager(CertificateFingerprint pin) {
    this.pin = pin;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("tls: expected the router's certificate, got none");
    }
    // Only the leaf matters: a pinned self-signed certificate has no chain, and extra chain entries
    // cannot make a different leaf acceptable.
    if (!pin.matches(chain[0])) {
      throw new CertificateException("tls: expected certificate sha-256 " + pin + ", got "
          + CertificateFingerprint.of(chain[0]));
    }
    // No validity-date check: the pin, not the dates, identifies the router. A self-signed certificate
    // is rotated by re-pinning, and a date check would only add outages when clocks disagree.
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("tls: expected to act only as a client, got asked to trust a client");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
