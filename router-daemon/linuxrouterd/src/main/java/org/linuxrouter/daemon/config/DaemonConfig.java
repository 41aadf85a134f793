package org.linuxrouter.daemon.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.ProxyMode;

/**
 * The daemon's validated configuration. Every component is non-null; {@link #defaults()} is what an empty
 * configuration file means, and the shipped example {@code linuxrouterd.conf} spells out the same values.
 *
 * @param listen where the REST API listens
 * @param tls whether the API speaks HTTPS; false is only accepted on a loopback address
 * @param keystore PKCS#12 file holding the API's key and certificate (generated on first start)
 * @param secretFile the shared secret CloudStack signs requests with (generated on first start)
 * @param stateDir where the desired-state store keeps {@code state.json}
 * @param trunkInterface the 802.1Q parent of guest VLAN subinterfaces unless a network names another
 * @param uplinkInterface where proxy ARP/NDP entries for VM public addresses go; empty when there is none
 * @param proxyMode how VM public addresses are answered for on the uplink
 * @param resyncInterval how often the reconciler compares desired with observed state even without events
 * @param maxBodyBytes the largest request body the API reads
 * @param rateLimit requests per client address
 * @param logLevel log threshold
 * @param vxlan how {@code vxlan://} networks are joined unless their spec says otherwise
 * @param vrrp router-pair settings; empty when this router runs alone (it then holds every gateway itself)
 * @param dnsmasqDir where the daemon writes the dnsmasq files for guest DHCP and DNS (world-readable: dnsmasq reads
 *     them as its own user); empty turns the DHCP and DNS service off
 * @param metadata whether guests get metadata, user data and their password on ports 80 and 8080 of the gateway
 * @param antiSpoofing whether the nftables anti-spoofing table guards the guest interfaces (off where the kernel
 *     lacks nftables' netdev family, like the user-mode-linux lab's)
 * @param peer the peer channel to the other router of the pair; empty without one (only with {@code vrrp})
 */
public record DaemonConfig(
    ListenAddress listen,
    boolean tls,
    Path keystore,
    Path secretFile,
    Path stateDir,
    InterfaceName trunkInterface,
    Optional<InterfaceName> uplinkInterface,
    ProxyMode proxyMode,
    Duration resyncInterval,
    int maxBodyBytes,
    RateLimit rateLimit,
    LogLevel logLevel,
    VxlanSettings vxlan,
    Optional<VrrpConfig> vrrp,
    Optional<Path> dnsmasqDir,
    boolean metadata,
    boolean antiSpoofing,
    Optional<PeerConfig> peer) {

  public static final int DEFAULT_PORT = 8443;

  public DaemonConfig {
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(keystore, "keystore");
    Objects.requireNonNull(secretFile, "secretFile");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(trunkInterface, "trunkInterface");
    Objects.requireNonNull(uplinkInterface, "uplinkInterface");
    Objects.requireNonNull(proxyMode, "proxyMode");
    Objects.requireNonNull(resyncInterval, "resyncInterval");
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(logLevel, "logLevel");
    Objects.requireNonNull(vxlan, "vxlan");
    Objects.requireNonNull(vrrp, "vrrp");
    Objects.requireNonNull(dnsmasqDir, "dnsmasqDir");
    Objects.requireNonNull(peer, "peer");
    if (peer.isPresent() && vrrp.isEmpty()) {
      throw new IllegalArgumentException("peer: a peer channel only in a router pair (vrrp)");
    }
    // The loader reports these with line numbers; repeating them here keeps hand-built configs honest too.
    if (!tls && !listen.isLoopback()) {
      throw new IllegalArgumentException(
          "tls off: expected a loopback listen address, got " + listen);
    }
    valid("keystore", () -> ConfigValues.absolutePath(keystore.toString()));
    valid("secretFile", () -> ConfigValues.absolutePath(secretFile.toString()));
    valid("stateDir", () -> ConfigValues.absolutePath(stateDir.toString()));
    valid("resyncInterval", () -> ConfigValues.checkDuration(resyncInterval));
    valid("maxBodyBytes", () -> ConfigValues.checkBodyBytes(maxBodyBytes));
    dnsmasqDir.ifPresent(dir -> valid("dnsmasqDir", () -> ConfigValues.absolutePath(dir.toString())));
  }

  /** Without a peer channel (for callers that predate it). */
  public DaemonConfig(ListenAddress listen, boolean tls, Path keystore, Path secretFile, Path stateDir,
      InterfaceName trunkInterface, Optional<InterfaceName> uplinkInterface, ProxyMode proxyMode,
      Duration resyncInterval, int maxBodyBytes, RateLimit rateLimit, LogLevel logLevel, VxlanSettings vxlan,
      Optional<VrrpConfig> vrrp, Optional<Path> dnsmasqDir, boolean metadata, boolean antiSpoofing) {
    this(listen, tls, keystore, secretFile, stateDir, trunkInterface, uplinkInterface, proxyMode, resyncInterval,
        maxBodyBytes, rateLimit, logLevel, vxlan, vrrp, dnsmasqDir, metadata, antiSpoofing, Optional.empty());
  }

  /** Where dnsmasq's files go unless the configuration says otherwise: tmpfs, rewritten at every start. */
  public static final Path DEFAULT_DNSMASQ_DIR = Path.of("/run/linuxrouter/dnsmasq");

  /**
   * A configuration with the default VXLAN settings and without the metadata and anti-spoofing services (no
   * listeners on ports 80/8080, no nftables table): for a daemon embedded in a test or tool that must not take
   * those host-wide resources. The configuration file's defaults turn both on.
   */
  public DaemonConfig(ListenAddress listen, boolean tls, Path keystore, Path secretFile, Path stateDir,
      InterfaceName trunkInterface, Optional<InterfaceName> uplinkInterface, ProxyMode proxyMode,
      Duration resyncInterval, int maxBodyBytes, RateLimit rateLimit, LogLevel logLevel) {
    this(listen, tls, keystore, secretFile, stateDir, trunkInterface, uplinkInterface, proxyMode, resyncInterval,
        maxBodyBytes, rateLimit, logLevel, VxlanSettings.DEFAULTS);
  }

  /** A configuration for a router on its own (no VRRP pair), without metadata and anti-spoofing (see above). */
  public DaemonConfig(ListenAddress listen, boolean tls, Path keystore, Path secretFile, Path stateDir,
      InterfaceName trunkInterface, Optional<InterfaceName> uplinkInterface, ProxyMode proxyMode,
      Duration resyncInterval, int maxBodyBytes, RateLimit rateLimit, LogLevel logLevel, VxlanSettings vxlan) {
    this(listen, tls, keystore, secretFile, stateDir, trunkInterface, uplinkInterface, proxyMode, resyncInterval,
        maxBodyBytes, rateLimit, logLevel, vxlan, Optional.empty());
  }

  /**
   * A configuration with the default dnsmasq directory and without metadata and anti-spoofing (for callers that
   * predate the guest services).
   */
  public DaemonConfig(ListenAddress listen, boolean tls, Path keystore, Path secretFile, Path stateDir,
      InterfaceName trunkInterface, Optional<InterfaceName> uplinkInterface, ProxyMode proxyMode,
      Duration resyncInterval, int maxBodyBytes, RateLimit rateLimit, LogLevel logLevel, VxlanSettings vxlan,
      Optional<VrrpConfig> vrrp) {
    this(listen, tls, keystore, secretFile, stateDir, trunkInterface, uplinkInterface, proxyMode, resyncInterval,
        maxBodyBytes, rateLimit, logLevel, vxlan, vrrp, Optional.of(DEFAULT_DNSMASQ_DIR), false, false);
  }

  private static void valid(String component, Runnable check) {
    try {
      check.run();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(component + ": " + e.getMessage(), e);
    }
  }

  /** What an empty configuration file means. */
  public static DaemonConfig defaults() {
    return new DaemonConfig(
        ListenAddress.parse("0.0.0.0:" + DEFAULT_PORT),
        true,
        Path.of("/etc/linuxrouter/tls/linuxrouterd.p12"),
        Path.of("/etc/linuxrouter/secret"),
        Path.of("/var/lib/linuxrouter"),
        InterfaceName.of("eth1"),
        Optional.empty(),
        ProxyMode.PER_ADDRESS,
        Duration.ofSeconds(10),
        2 * 1024 * 1024, // a NIC with CloudStack's largest user data (1 MiB of base64) must fit
        new RateLimit(50, 100),
        LogLevel.INFO,
        VxlanSettings.DEFAULTS,
        Optional.empty(),
        Optional.of(DEFAULT_DNSMASQ_DIR),
        true,
        true,
        Optional.empty());
  }
}
