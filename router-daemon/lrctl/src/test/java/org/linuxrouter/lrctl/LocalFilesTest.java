package org.linuxrouter.lrctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.daemon.tls.SecretFile;
import org.linuxrouter.lrctl.TestDaemon.Answer;
import org.linuxrouter.lrctl.TestDaemon.Run;
import org.linuxrouter.protocol.auth.RouterSecret;
import org.linuxrouter.protocol.json.JsonCodec;

/**
 * fingerprint and secret work on the daemon's files, without the daemon. The fingerprint is checked against the
 * real openssl binary (Debian package openssl) reading the same keystore.
 */
class LocalFilesTest {
  private TestDaemon daemon;
  private Path dir;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    this.dir = dir;
    daemon = new TestDaemon(dir);
  }

  @AfterEach
  void stop() {
    daemon.close();
  }

  @Test
  void fingerprintIsWhatOpensslPrintsAndNeedsNoDaemon() throws Exception {
    daemon.close();
    Run run = daemon.run("fingerprint");
    assertEquals(0, run.exit(), run.err());
    Path pem = dir.resolve("cert.pem");
    openssl("pkcs12", "-in", daemon.keystore.toString(), "-passin", "pass:", "-nokeys", "-out", pem.toString());
    String openssl = openssl("x509", "-in", pem.toString(), "-noout", "-fingerprint", "-sha256").strip();
    // OpenSSL 3 prints "sha256 Fingerprint=AB:..", 1.1 printed "SHA256 Fingerprint=AB:..": compare the value.
    assertEquals(openssl.substring(openssl.indexOf('=') + 1) + "\n", run.out());
    assertTrue(run.out().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}\n"), run.out());
    assertEquals("{\"sha256\":\"" + run.out().strip() + "\",\"keystore\":\"" + daemon.keystore + "\"}\n",
        daemon.run("fingerprint", "--json").out());
    assertEquals(List.of(), daemon.seen());
  }

  @Test
  void secretPrintsTheSecretFile() {
    Run run = daemon.run("secret");
    assertEquals(0, run.exit(), run.err());
    assertEquals(daemon.secret.encoded() + "\n", run.out());
    assertEquals("", run.err());
    assertEquals("{\"secret\":\"" + daemon.secret.encoded() + "\",\"file\":\"" + daemon.secretFile
        + "\",\"rotated\":false}\n", daemon.run("--json", "secret").out());
  }

  @Test
  void rotateWritesANewOwnerOnlySecretAtomicallyAndSaysWhatToDoNext() throws Exception {
    Run run = daemon.run("secret", "--rotate");
    assertEquals(0, run.exit(), run.err());
    RouterSecret written = new SecretFile(daemon.secretFile).load();
    assertNotEquals(daemon.secret, written);
    assertEquals(written.encoded() + "\n", run.out());
    assertEquals(written.encoded() + "\n", Files.readString(daemon.secretFile, StandardCharsets.US_ASCII));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(daemon.secretFile)));
    assertEquals("lrctl: wrote a new secret to " + daemon.secretFile + "; until linuxrouterd is restarted (systemctl"
        + " restart linuxrouterd) and CloudStack has the new secret, CloudStack's requests are refused\n", run.err());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(".secret")).toList(),
          "no temporary file left behind");
    }
  }

  @Test
  void afterRotationTheRunningDaemonRefusesTheNewSignatures() {
    daemon.answer(seen -> Answer.json(new JsonCodec().encode(Samples.routerStatus())));
    assertEquals(0, daemon.run("status").exit());
    assertEquals(0, daemon.run("secret", "--rotate").exit());
    Run run = daemon.run("status");
    assertEquals(3, run.exit());
    assertTrue(run.err().startsWith("lrctl: linuxrouterd at " + daemon.url() + " rejected status: 401 unauthorized: "),
        run.err());
    assertEquals(List.of(true, false), daemon.seen().stream().map(TestDaemon.Seen::signed).toList());
  }

  @Test
  void aWorldReadableSecretIsRefusedWithTheFix() throws Exception {
    Files.setPosixFilePermissions(daemon.secretFile, PosixFilePermissions.fromString("rw-r--r--"));
    Run run = daemon.run("secret");
    assertEquals(2, run.exit());
    assertEquals("lrctl: cannot read the shared secret (secret_file in " + daemon.config + "): " + daemon.secretFile
        + ": expected no access for others (e.g. mode 0600), got mode rw-r--r--; fix with chmod 600 "
        + daemon.secretFile + "\n", run.err());
    assertEquals("", run.out());
  }

  private static String openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "openssl timed out: " + command);
    assertEquals(0, process.exitValue(), "openssl failed: " + command + "\n" + out);
    return out;
  }
}
