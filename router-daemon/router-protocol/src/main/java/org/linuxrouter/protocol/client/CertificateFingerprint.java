package org.linuxrouter.protocol.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Locale;

/**
 * The SHA-256 digest of a certificate's DER encoding, as {@code openssl x509 -fingerprint -sha256} and
 * {@code keytool -list} print it ({@code AB:CD:...}, 32 pairs). Parsing also accepts 64 hex digits
 * without colons, in either case.
 */
public final class CertificateFingerprint {
  private final byte[] digest;

  private CertificateFingerprint(byte[] digest) {
    this.digest = digest;
  }

  public static CertificateFingerprint parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("fingerprint: expected a sha-256 fingerprint, got none");
    }
    String hex = text.matches("(?i)[0-9a-f]{2}(:[0-9a-f]{2}){31}") ? text.replace(":", "") : text;
    if (!hex.matches("(?i)[0-9a-f]{64}")) {
      throw new IllegalArgumentException("fingerprint: expected sha-256 as 32 colon-separated hex pairs or 64 hex"
          + " digits, got " + text.length() + " characters");
    }
    byte[] digest = new byte[32];
    for (int i = 0; i < 32; i++) {
      digest[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return new CertificateFingerprint(digest);
  }

  public static CertificateFingerprint of(X509Certificate certificate) {
    try {
      return new CertificateFingerprint(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("fingerprint: expected a der-encodable certificate and sha-256, got "
          + e.getClass().getSimpleName(), e);
    }
  }

  /** Whether {@code certificate} is exactly the pinned one. */
  public boolean matches(X509Certificate certificate) {
    return MessageDigest.isEqual(digest, of(certificate).digest);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CertificateFingerprint && Arrays.equals(((CertificateFingerprint) other).digest, digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest);
  }

  /** Upper-case colon-separated pairs, like openssl and keytool. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (byte b : digest) {
      if (out.length() > 0) {
        out.append(':');
      }
      out.append(String.format("%02x", b & 0xff).toUpperCase(Locale.ROOT));
    }
    return out.toString();
  }
}
