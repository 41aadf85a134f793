package org.linuxrouter.daemon.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {
  @Test
  void equalsWhatOpensslPrints(@TempDir Path dir) throws Exception {
    ServerIdentity identity = SelfSignedIssuer.system().issue("fp-test", Optional.empty());
    Path der = dir.resolve("cert.der");
    Files.write(der, identity.certificate().getEncoded());

    String out = Openssl.run("x509", "-inform", "DER", "-in", der.toString(), "-noout", "-fingerprint",
        "-sha256").strip();
    // OpenSSL 3 prints "sha256 Fingerprint=AB:..", 1.1 printed "SHA256 Fingerprint=AB:..": compare the value.
    String opensslValue = out.substring(out.indexOf('=') + 1);

    String ours = Fingerprint.sha256(identity.certificate());
    assertEquals(opensslValue, ours);
    assertEquals(95, ours.length());
    assertTrue(ours.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), ours);
    assertEquals(ours, identity.fingerprint());
  }
}
