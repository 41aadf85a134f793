package org.linuxrouter.daemon.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.linuxrouter.protocol.client.CertificateFingerprint;

/**
 * The peer channel of a router pair ({@code pair_peer_*}): how this daemon reaches the other router's daemon over
 * the management network, with the same signed HTTPS API CloudStack uses. Over it the daemon passes on password
 * acknowledgements (so a password fetched from one router is forgotten on both) and polls the peer's
 * {@code /v1/status} to see a split brain (both MASTER). The management path is not the VRRP segment, so the peer
 * stays reachable when the link VRRP runs on is cut.
 *
 * @param url the peer's API, {@code https://host:port}
 * @param fingerprint the SHA-256 fingerprint of the peer's certificate ({@code lrctl fingerprint} on the peer)
 * @param secretFile a file holding the peer's API secret ({@code lrctl secret} on the peer), mode 0600
 * @param pollInterval how often the peer's status is read
 */
public record PeerConfig(URI url, CertificateFingerprint fingerprint, Path secretFile, Duration pollInterval) {

  public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
  static final String URL_EXPECTED = "an https URL of the peer's API such as https://192.0.2.12:8443";

  public PeerConfig {
    Objects.requireNonNull(fingerprint, "fingerprint");
    url(Objects.requireNonNull(url, "url").toString());
    ConfigValues.absolutePath(Objects.requireNonNull(secretFile, "secretFile").toString());
    ConfigValues.checkDuration(Objects.requireNonNull(pollInterval, "pollInterval"));
  }

  /**
   * {@code https://host[:port]}: a host (IP literal or DNS name), an optional port (default 8443), no path beyond
   * "/", no query, fragment or user info, which would only be silently ignored.
   */
  static URI url(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new BadValue(URL_EXPECTED, ConfigValues.quote(text));
    }
    boolean plain = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
    if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null
        || uri.getRawQuery() != null || uri.getRawFragment() != null || !plain) {
      throw new BadValue(URL_EXPECTED, ConfigValues.quote(text));
    }
    int port = uri.getPort() < 0 ? DaemonConfig.DEFAULT_PORT : uri.getPort();
    return URI.create("https://" + uri.getHost() + ":" + port);
  }

  static CertificateFingerprint fingerprint(String text) {
    try {
      return CertificateFingerprint.parse(text);
    } catch (RuntimeException e) {
      throw new BadValue("the peer's certificate fingerprint as lrctl fingerprint prints it (32 hex pairs"
          + " separated by colons)", ConfigValues.quote(text.length() > 120 ? text.substring(0, 120) + "…" : text));
    }
  }

  /** The loader's scratch pad for the {@code pair_peer_*} keys; cross-key rules are checked by {@link #build}. */
  static final class Draft {
    Optional<URI> url = Optional.empty();
    Optional<CertificateFingerprint> fingerprint = Optional.empty();
    Optional<Path> secretFile = Optional.empty();
    Duration pollInterval = DEFAULT_POLL;

    Draft(Optional<PeerConfig> base) {
      base.ifPresent(b -> {
        url = Optional.of(b.url());
        fingerprint = Optional.of(b.fingerprint());
        secretFile = Optional.of(b.secretFile());
        pollInterval = b.pollInterval();
      });
    }

    /** All three of url, fingerprint and secret file, or none; only in a pair. "key: rule" names the key. */
    Optional<PeerConfig> build(boolean vrrp) {
      if (url.isEmpty() && fingerprint.isEmpty() && secretFile.isEmpty()) {
        return Optional.empty();
      }
      String given = url.isPresent() ? "pair_peer_url" : fingerprint.isPresent() ? "pair_peer_fingerprint"
          : "pair_peer_secret_file";
      if (!vrrp) {
        throw new BadValue(given + ": only with vrrp = on (the peer channel links the two routers of a pair)",
            "vrrp = off");
      }
      if (url.isEmpty()) {
        throw new BadValue(given + ": pair_peer_url as well (the peer's API)", "no pair_peer_url");
      }
      if (fingerprint.isEmpty()) {
        throw new BadValue(given + ": pair_peer_fingerprint as well (its certificate is pinned, as CloudStack"
            + " pins it)", "no pair_peer_fingerprint");
      }
      if (secretFile.isEmpty()) {
        throw new BadValue(given + ": pair_peer_secret_file as well (requests to the peer are signed with its"
            + " secret)", "no pair_peer_secret_file");
      }
      return Optional.of(new PeerConfig(url.get(), fingerprint.get(), secretFile.get(), pollInterval));
    }
  }
}
