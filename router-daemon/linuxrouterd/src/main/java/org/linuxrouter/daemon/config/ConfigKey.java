package org.linuxrouter.daemon.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/** Every key the configuration file accepts, and how its value lands in the draft. */
enum ConfigKey {
  LISTEN("listen", (d, v) -> d.listen = ListenAddress.parse(v)),
  TLS("tls", (d, v) -> d.tls = ConfigValues.onOff(v)),
  TLS_KEYSTORE("tls_keystore", (d, v) -> d.keystore = ConfigValues.absolutePath(v)),
  SECRET_FILE("secret_file", (d, v) -> d.secretFile = ConfigValues.absolutePath(v)),
  STATE_DIR("state_dir", (d, v) -> d.stateDir = ConfigValues.absolutePath(v)),
  TRUNK_INTERFACE("trunk_interface", (d, v) -> d.trunkInterface = ConfigValues.interfaceName(v)),
  // An empty value is the documented way to say "no uplink", so the example can show the key.
  UPLINK_INTERFACE("uplink_interface", (d, v) -> d.uplinkInterface =
      v.isEmpty() ? Optional.empty() : Optional.of(ConfigValues.interfaceName(v))),
  PROXY_MODE("proxy_mode", (d, v) -> d.proxyMode = ConfigValues.proxyMode(v)),
  RESYNC_INTERVAL("resync_interval", (d, v) -> d.resyncInterval = ConfigValues.duration(v)),
  MAX_BODY_BYTES("max_body_bytes", (d, v) -> d.maxBodyBytes = ConfigValues.bodyBytes(v)),
  RATE_LIMIT_PER_SECOND("rate_limit_per_second",
      (d, v) -> d.ratePerSecond = ConfigValues.positiveInt(v, RateLimit.MAX)),
  RATE_LIMIT_BURST("rate_limit_burst", (d, v) -> d.rateBurst = ConfigValues.positiveInt(v, RateLimit.MAX)),
  LOG_LEVEL("log_level", (d, v) -> d.logLevel = LogLevel.parse(v)),
  VXLAN_UNDERLAY("vxlan_underlay", (d, v) -> d.vxlanUnderlay =
      v.isEmpty() ? Optional.empty() : Optional.of(ConfigValues.interfaceName(v))),
  VXLAN_MODE("vxlan_mode", (d, v) -> d.vxlanMode = ConfigValues.vxlanMode(v)),
  VXLAN_LOCAL("vxlan_local", (d, v) -> d.vxlanLocal =
      v.isEmpty() ? Optional.empty() : Optional.of(ConfigValues.unicastAddress(v))),
  VXLAN_VTEPS("vxlan_vteps", (d, v) -> d.vxlanVteps = ConfigValues.unicastAddresses(v)),
  // Router pair (VrrpConfig): every vrrp_* key only matters with vrrp = on.
  VRRP("vrrp", (d, v) -> d.vrrp.on = ConfigValues.onOff(v)),
  VRRP_INTERFACE("vrrp_interface", (d, v) -> d.vrrp.vrrpInterface =
      v.isEmpty() ? Optional.empty() : Optional.of(ConfigValues.interfaceName(v))),
  VRRP_ROUTER_ID("vrrp_router_id", (d, v) -> d.vrrp.routerId = ConfigValues.positiveInt(v, 255)),
  VRRP_PRIORITY("vrrp_priority", (d, v) -> d.vrrp.priority = ConfigValues.positiveInt(v, 254)),
  VRRP_ADVERT_INTERVAL("vrrp_advert_interval", (d, v) -> d.vrrp.advertInterval = VrrpConfig.advertInterval(v)),
  VRRP_PREEMPT("vrrp_preempt", (d, v) -> d.vrrp.preempt = ConfigValues.onOff(v)),
  VRRP_UNICAST_PEERS("vrrp_unicast_peers", (d, v) -> d.vrrp.unicastPeers = VrrpConfig.ipv4List(v)),
  VRRP_UNICAST_SOURCE("vrrp_unicast_source", (d, v) -> d.vrrp.unicastSource =
      v.isEmpty() ? Optional.empty() : Optional.of(VrrpConfig.ipv4(v))),
  VRRP_PAIR_ADDRESS("vrrp_pair_address", (d, v) -> d.vrrp.pairAddress =
      v.isEmpty() ? Optional.empty() : Optional.of(VrrpConfig.pairAddress(v))),
  VRRP_TAKEOVER("vrrp_takeover", (d, v) -> d.vrrp.takeover = VrrpTakeover.parse(v)),
  KEEPALIVED("keepalived", (d, v) -> d.vrrp.keepalived = ConfigValues.absolutePath(v)),
  // The peer channel (PeerConfig): url, fingerprint and secret file together or not at all; empty means none.
  PAIR_PEER_URL("pair_peer_url", (d, v) -> d.peer.url =
      v.isEmpty() ? Optional.empty() : Optional.of(PeerConfig.url(v))),
  PAIR_PEER_FINGERPRINT("pair_peer_fingerprint", (d, v) -> d.peer.fingerprint =
      v.isEmpty() ? Optional.empty() : Optional.of(PeerConfig.fingerprint(v))),
  PAIR_PEER_SECRET_FILE("pair_peer_secret_file", (d, v) -> d.peer.secretFile =
      v.isEmpty() ? Optional.empty() : Optional.of(ConfigValues.absolutePath(v))),
  PAIR_PEER_POLL_INTERVAL("pair_peer_poll_interval", (d, v) -> d.peer.pollInterval = ConfigValues.duration(v)),
  // Empty turns guest DHCP and DNS off (a router whose networks all use CloudStack's own DHCP).
  DNSMASQ_DIR("dnsmasq_dir", (d, v) -> d.dnsmasqDir =
      v.isEmpty() ? Optional.empty() : Optional.of(ConfigValues.absolutePath(v))),
  METADATA("metadata", (d, v) -> d.metadata = ConfigValues.onOff(v)),
  ANTI_SPOOFING("anti_spoofing", (d, v) -> d.antiSpoofing = ConfigValues.onOff(v));

  private final String word;
  private final BiConsumer<ConfigDraft, String> apply;

  ConfigKey(String word, BiConsumer<ConfigDraft, String> apply) {
    this.word = word;
    this.apply = apply;
  }

  String word() {
    return word;
  }

  /** Parses {@code value} into {@code draft}; throws IllegalArgumentException saying what was expected. */
  void apply(ConfigDraft draft, String value) {
    apply.accept(draft, value);
  }

  static Optional<ConfigKey> of(String word) {
    return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
  }

  static String allWords() {
    return Arrays.stream(values()).map(ConfigKey::word).collect(Collectors.joining(", "));
  }
}
