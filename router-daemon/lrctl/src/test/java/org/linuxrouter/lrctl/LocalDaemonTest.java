package org.linuxrouter.lrctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linuxrouter.daemon.config.DaemonConfig;
import org.linuxrouter.daemon.config.ListenAddress;

/** How lrctl finds the daemon from its configuration: URL from the listen address, defaults for a missing file. */
class LocalDaemonTest {

  @ParameterizedTest
  @CsvSource({
      "0.0.0.0:8443, true, https://127.0.0.1:8443",
      "[::]:9443, true, https://[::1]:9443",
      "192.0.2.7:8443, true, https://192.0.2.7:8443",
      "[2001:db8::7]:8443, true, https://[2001:db8:0:0:0:0:0:7]:8443",
      "127.0.0.1:8080, false, http://127.0.0.1:8080"})
  void urlComesFromTheListenAddress(String listen, boolean tls, String url) {
    assertEquals(URI.create(url), LocalDaemon.listenUrl(ListenAddress.parse(listen), tls));
  }

  @Test
  void aMissingConfigurationFileMeansTheDaemonsDefaults(@TempDir Path dir) {
    LocalDaemon daemon = LocalDaemon.from(dir.resolve("absent.conf"), Optional.empty());
    assertEquals(DaemonConfig.defaults(), daemon.config());
    assertEquals(URI.create("https://127.0.0.1:8443"), daemon.url());
  }

  @Test
  void theConfigurationFileAndTheUrlOverrideAreUsed(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("linuxrouterd.conf"), "listen = 10.0.0.1:7443\n"
        + "secret_file = /srv/lr/secret\n");
    LocalDaemon daemon = LocalDaemon.from(file, Optional.empty());
    assertEquals(URI.create("https://10.0.0.1:7443"), daemon.url());
    assertEquals(Path.of("/srv/lr/secret"), daemon.secretFile().path());
    URI override = URI.create("https://192.0.2.1:1234");
    assertEquals(override, LocalDaemon.from(file, Optional.of(override)).url());
  }
}
