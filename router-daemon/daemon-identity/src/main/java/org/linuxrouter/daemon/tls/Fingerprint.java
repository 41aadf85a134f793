package org.linuxrouter.daemon.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** Certificate fingerprints in the spelling operators see from {@code openssl x509 -fingerprint -sha256}. */
public final class Fingerprint {
  private Fingerprint() {
  }

  /** SHA-256 of the DER encoding, upper-case hex bytes joined by colons: {@code AB:CD:...} (95 characters). */
  public static String sha256(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("fingerprint: expected a DER-encodable certificate, got "
          + certificate.getSubjectX500Principal(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
