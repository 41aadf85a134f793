package org.linuxrouter.daemon.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** The HTTPS server's private key and its certificate. */
public record ServerIdentity(PrivateKey privateKey, X509Certificate certificate) {
  public ServerIdentity {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(certificate, "certificate");
  }

  /** The certificate's SHA-256 fingerprint, what an operator compares with CloudStack's pinned value. */
  public String fingerprint() {
    return Fingerprint.sha256(certificate);
  }

  @Override
  public String toString() {
    return "ServerIdentity[" + certificate.getSubjectX500Principal() + ", sha256 " + fingerprint() + "]";
  }
}
