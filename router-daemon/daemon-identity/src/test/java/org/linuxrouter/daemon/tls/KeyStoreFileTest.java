package org.linuxrouter.daemon.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreFileTest {
  @TempDir
  Path dir;

  @Test
  void firstStartCreatesAnOwnerOnlyKeystoreLaterStartsLoadIt() throws Exception {
    Path path = dir.resolve("tls").resolve("linuxrouterd.p12");
    AtomicInteger generated = new AtomicInteger();
    KeyStoreFile file = new KeyStoreFile(path);

    ServerIdentity created = file.loadOrCreate(() -> {
      generated.incrementAndGet();
      return SelfSignedIssuer.system().issue("ks-test", Optional.empty());
    });
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent())));

    ServerIdentity loaded = new KeyStoreFile(path).loadOrCreate(() -> {
      generated.incrementAndGet();
      return SelfSignedIssuer.system().issue("other", Optional.empty());
    });
    assertEquals(1, generated.get());
    assertEquals(created.certificate(), loaded.certificate());
    assertEquals(created.privateKey(), loaded.privateKey());
    assertEquals(created.fingerprint(), loaded.fingerprint());
  }

  @Test
  void opensslOpensTheKeystoreWithAnEmptyPasswordAndSeesTheSameCertificate() throws Exception {
    Path path = dir.resolve("k.p12");
    ServerIdentity identity = new KeyStoreFile(path)
        .loadOrCreate(() -> SelfSignedIssuer.system().issue("ossl", Optional.empty()));
    Path pem = dir.resolve("cert.pem");
    Openssl.run("pkcs12", "-in", path.toString(), "-passin", "pass:", "-nokeys", "-out", pem.toString());
    String fp = Openssl.run("x509", "-in", pem.toString(), "-noout", "-fingerprint", "-sha256").strip();
    assertEquals(identity.fingerprint(), fp.substring(fp.indexOf('=') + 1));
    String key = Openssl.run("pkcs12", "-in", path.toString(), "-passin", "pass:", "-nocerts", "-nodes");
    assertTrue(key.contains("-----BEGIN PRIVATE KEY-----"), "openssl found no private key");
  }

  @Test
  void anOperatorsOwnOpensslKeystoreLoads() throws Exception {
    Path key = dir.resolve("key.pem");
    Path cert = dir.resolve("cert.pem");
    Openssl.run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", key.toString(), "-out", cert.toString(), "-subj", "/CN=own", "-days", "30");
    Path p12 = dir.resolve("own.p12");
    Openssl.run("pkcs12", "-export", "-passout", "pass:", "-inkey", key.toString(), "-in", cert.toString(),
        "-out", p12.toString());
    Files.setPosixFilePermissions(p12, PosixFilePermissions.fromString("rw-------"));
    ServerIdentity own = new KeyStoreFile(p12).load();
    assertEquals("CN=own", own.certificate().getSubjectX500Principal().getName());
  }

  @Test
  void aBrokenOrWorldReadableKeystoreIsAClearError() throws Exception {
    Path path = dir.resolve("broken.p12");
    Files.write(path, new byte[] {0x30, 0x03, 0x02, 0x01});
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    IdentityException broken = assertThrows(IdentityException.class,
        () -> new KeyStoreFile(path).loadOrCreate(() -> { throw new AssertionError("must not regenerate"); }));
    assertTrue(broken.getMessage().startsWith(path + ": expected a PKCS#12 keystore with an empty password"),
        broken.getMessage());
    assertEquals(4, Files.size(path), "a broken keystore must never be replaced silently");

    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
    IdentityException open = assertThrows(IdentityException.class, () -> new KeyStoreFile(path).load());
    assertEquals(path + ": expected no access for others (e.g. mode 0600), got mode rw-r--r--; fix with chmod 600 "
        + path, open.getMessage());
  }
}
