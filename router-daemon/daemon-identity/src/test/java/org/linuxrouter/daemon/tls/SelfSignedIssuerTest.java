package org.linuxrouter.daemon.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedIssuerTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final SelfSignedIssuer issuer =
      new SelfSignedIssuer(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());

  @Test
  void certificateHasTheRequiredShape() throws Exception {
    X509Certificate cert = issuer.issue("router-1.example.net",
        Optional.of(InetAddress.getByName("192.0.2.10"))).certificate();
    cert.verify(cert.getPublicKey());
    assertEquals("CN=router-1.example.net", cert.getSubjectX500Principal().getName());
    assertEquals(cert.getSubjectX500Principal(), cert.getIssuerX500Principal());
    assertEquals("secp256r1", curveOf(cert));
    assertEquals("SHA256withECDSA", cert.getSigAlgName());
    assertEquals(NOW.minusSeconds(3600), cert.getNotBefore().toInstant());
    assertEquals(Instant.parse("2036-03-01T12:00:00Z"), cert.getNotAfter().toInstant());
    assertEquals(List.of(List.of(2, "router-1.example.net"), List.of(7, "192.0.2.10")),
        List.copyOf(cert.getSubjectAlternativeNames()));
    assertEquals(-1, cert.getBasicConstraints());
    assertEquals(List.of("1.3.6.1.5.5.7.3.1"), cert.getExtendedKeyUsage());
    assertTrue(cert.getSerialNumber().signum() > 0);
    assertTrue(cert.getSerialNumber().bitLength() >= 150, "serial looks non-random: " + cert.getSerialNumber());
  }

  @Test
  void serialsAndKeysDifferEveryTime() {
    ServerIdentity a = issuer.issue("r", Optional.empty());
    ServerIdentity b = issuer.issue("r", Optional.empty());
    assertNotEquals(a.certificate().getSerialNumber(), b.certificate().getSerialNumber());
    assertNotEquals(a.certificate().getPublicKey(), b.certificate().getPublicKey());
  }

  @Test
  void wildcardListenAddressIsLeftOutOfTheSansButIpv6IsKept() throws Exception {
    X509Certificate any = issuer.issue("r1", Optional.of(InetAddress.getByName("0.0.0.0"))).certificate();
    assertEquals(List.of(List.of(2, "r1")), List.copyOf(any.getSubjectAlternativeNames()));
    X509Certificate v6 = issuer.issue("r1", Optional.of(InetAddress.getByName("2001:db8::1"))).certificate();
    assertEquals(List.of(List.of(2, "r1"), List.of(7, "2001:db8:0:0:0:0:0:1")),
        List.copyOf(v6.getSubjectAlternativeNames()));
  }

  @Test
  void opensslReadsTheCertificateTheSameWay(@TempDir Path dir) throws Exception {
    X509Certificate cert = issuer.issue("vm-router", Optional.of(InetAddress.getByName("198.51.100.7")))
        .certificate();
    Path pem = dir.resolve("cert.pem");
    Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
        + "\n-----END CERTIFICATE-----\n");
    String text = Openssl.run("x509", "-in", pem.toString(), "-noout", "-subject", "-ext", "subjectAltName");
    assertTrue(text.contains("subject=CN = vm-router"), text);
    assertTrue(text.contains("DNS:vm-router, IP Address:198.51.100.7"), text);
    Openssl.run("verify", "-CAfile", pem.toString(), "-purpose", "sslserver", pem.toString());
  }

  @Test
  void refusesHostNamesACertificateCannotCarry() {
    for (String bad : List.of("", "-router", "router_1", "a..b", "router.", "x".repeat(64))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> issuer.issue(bad, Optional.empty()), bad);
      assertTrue(e.getMessage().startsWith("host name: expected dot-separated labels"), e.getMessage());
    }
    assertEquals("r-1.lab", Hostname.check("r-1.lab"));
  }

  @Test
  void localHostnameIsTheKernelsAndValid() throws Exception {
    assertEquals(Files.readString(Hostname.KERNEL_HOSTNAME).strip(), Hostname.local());
  }

  private static String curveOf(X509Certificate cert) {
    ECPublicKey key = (ECPublicKey) cert.getPublicKey();
    String params = key.getParams().toString();
    assertTrue(params.startsWith("secp256r1"), params);
    return "secp256r1";
  }
}
