package org.linuxrouter.lrctl;

import java.net.Inet6Address;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import org.linuxrouter.daemon.config.ConfigLoader;
import org.linuxrouter.daemon.config.DaemonConfig;
import org.linuxrouter.daemon.config.ListenAddress;
import org.linuxrouter.daemon.tls.IdentityException;
import org.linuxrouter.daemon.tls.KeyStoreFile;
import org.linuxrouter.daemon.tls.SecretFile;
import org.linuxrouter.protocol.auth.RouterSecret;
import org.linuxrouter.protocol.client.CertificateFingerprint;
import org.linuxrouter.protocol.client.HttpRouterClient;
import org.linuxrouter.protocol.client.RouterClient;
import org.linuxrouter.protocol.client.RouterClientConfig;

/**
 * The linuxrouterd on this machine, as its own configuration file describes it: where it listens, the
 * certificate to pin (the one in its keystore) and the secret to sign with. lrctl reads the same files with the
 * daemon's own classes, so the two cannot disagree about defaults or formats.
 */
final class LocalDaemon {
  private final Path configFile;
  private final DaemonConfig config;
  private final Optional<URI> urlOverride;

  private LocalDaemon(Path configFile, DaemonConfig config, Optional<URI> urlOverride) {
    this.configFile = configFile;
    this.config = config;
    this.urlOverride = urlOverride;
  }

  /** Reads {@code configFile}; a missing file means the daemon's defaults, exactly as linuxrouterd treats it. */
  static LocalDaemon from(Path configFile, Optional<URI> urlOverride) {
    Objects.requireNonNull(configFile, "configFile");
    DaemonConfig config = Files.exists(configFile) ? ConfigLoader.load(configFile) : DaemonConfig.defaults();
    return new LocalDaemon(configFile, config, urlOverride);
  }

  DaemonConfig config() {
    return config;
  }

  /** {@code --url} if given, else the listen address, with a wildcard replaced by this machine's loopback. */
  URI url() {
    return urlOverride.orElseGet(() -> listenUrl(config.listen(), config.tls()));
  }

  static URI listenUrl(ListenAddress listen, boolean tls) {
    String scheme = tls ? "https://" : "http://";
    if (!listen.isWildcard()) {
      return URI.create(scheme + listen);
    }
    // A socket bound to :: may be IPv6-only (net.ipv6.bindv6only), so it is reached at ::1, not 127.0.0.1.
    String loopback = listen.address() instanceof Inet6Address ? "[::1]" : "127.0.0.1";
    return URI.create(scheme + loopback + ":" + listen.port());
  }

  /** The daemon's certificate, read from its keystore; needs no running daemon. */
  X509Certificate certificate() {
    Path keystore = config.keystore();
    try {
      requireFile(keystore, "tls_keystore");
      return new KeyStoreFile(keystore).load().certificate();
    } catch (IdentityException e) {
      throw new CommandFailure(Exit.USAGE, "cannot read the daemon's certificate (" + origin("tls_keystore")
          + "): " + e.getMessage(), e);
    }
  }

  SecretFile secretFile() {
    return new SecretFile(config.secretFile());
  }

  RouterSecret secret() {
    try {
      requireFile(config.secretFile(), "secret_file");
      return secretFile().load();
    } catch (IdentityException e) {
      throw new CommandFailure(Exit.USAGE, "cannot read the shared secret (" + origin("secret_file") + "): "
          + e.getMessage(), e);
    }
  }

  // The daemon creates both files at its first start; a missing one usually means it never ran with this config.
  private void requireFile(Path file, String key) {
    if (!Files.exists(file)) {
      throw new CommandFailure(Exit.USAGE, "no file " + file + " (" + origin(key) + "); linuxrouterd creates it"
          + " at its first start");
    }
  }

  /** Where a setting came from, for messages: the file, or the default because there is no file. */
  private String origin(String key) {
    return Files.exists(configFile) ? key + " in " + configFile : "default " + key + ", no " + configFile;
  }

  /** A client for the daemon: pinned to the keystore's certificate, signing with the secret. */
  RouterClient client() {
    URI url = url();
    if (!"https".equals(url.getScheme())) {
      throw new CommandFailure(Exit.USAGE, plainHttpRefusal(url));
    }
    RouterClientConfig settings;
    try {
      settings = RouterClientConfig.builder().baseUrl(url).secret(secret())
          .pin(CertificateFingerprint.of(certificate())).build();
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(Exit.USAGE, "--url: " + e.getMessage(), e);
    }
    return new HttpRouterClient(settings);
  }

  // router-protocol's client speaks https only, by design (signatures and specs must not cross a wire in clear).
  private String plainHttpRefusal(URI url) {
    if (urlOverride.isPresent()) {
      return "--url: expected https://host[:port], got " + url + "; lrctl speaks https only";
    }
    return "linuxrouterd listens with plain http at " + url + " (tls = off in " + configFile + "), but lrctl speaks"
        + " https only: set tls = on to use lrctl";
  }
}
