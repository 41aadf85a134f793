package org.linuxrouter.daemon.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the key and self-signed certificate a router uses until an operator installs another: EC P-256,
 * SHA256withECDSA, CN and DNS SAN = host name, an IP SAN for a specific listen address, 10 years, random serial.
 * Self-signed is enough because CloudStack pins the certificate's fingerprint instead of trusting a CA.
 *
 * <p>Only the JDK's own providers are used (SunEC signs); BouncyCastle just builds the ASN.1, so no global
 * security provider is registered.
 */
public final class SelfSignedIssuer {
  /** How long a generated certificate is valid; routers are long-lived and the fingerprint is pinned. */
  public static final Period VALIDITY = new Period(Duration.ofHours(1), 10);

  private final Clock clock;
  private final SecureRandom random;

  public SelfSignedIssuer(Clock clock, SecureRandom random) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The system clock and a strong random source. */
  public static SelfSignedIssuer system() {
    return new SelfSignedIssuer(Clock.systemUTC(), new SecureRandom());
  }

  /**
   * A fresh key and certificate for {@code hostname}; {@code listenAddress} becomes an IP SAN unless it is a
   * wildcard (0.0.0.0 or ::), which no client ever connects to.
   */
  public ServerIdentity issue(String hostname, Optional<InetAddress> listenAddress) {
    Hostname.check(hostname);
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair keys = generator.generateKeyPair();
      return new ServerIdentity(keys.getPrivate(), sign(keys, hostname, listenAddress));
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot create a self-signed certificate for " + hostname + ": " + e, e);
    }
  }

  private X509Certificate sign(KeyPair keys, String hostname, Optional<InetAddress> listenAddress)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, hostname).build();
    Instant now = clock.instant();
    Instant notBefore = now.minus(VALIDITY.backdate());
    Instant notAfter = now.atOffset(ZoneOffset.UTC).plusYears(VALIDITY.years()).toInstant();
    // 159 random bits: positive, at most 20 octets (RFC 5280 4.1.2.2), and unguessable.
    BigInteger serial = new BigInteger(159, random).setBit(158);
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
        Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
        .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
        .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()))
        .addExtension(Extension.subjectAlternativeName, false, alternativeNames(hostname, listenAddress));
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setSecureRandom(random)
            .build(keys.getPrivate())));
  }

  private static GeneralNames alternativeNames(String hostname, Optional<InetAddress> listenAddress) {
    List<GeneralName> names = new ArrayList<>();
    names.add(new GeneralName(GeneralName.dNSName, hostname));
    listenAddress.filter(a -> !a.isAnyLocalAddress())
        .ifPresent(a -> names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(a.getAddress()))));
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  /**
   * Validity of generated certificates.
   *
   * @param backdate how far notBefore lies in the past, so a client whose clock is a little behind accepts it
   * @param years how far notAfter lies in the future
   */
  public record Period(Duration backdate, int years) {
  }
}
