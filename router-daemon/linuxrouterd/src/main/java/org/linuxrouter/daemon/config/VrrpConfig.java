package org.linuxrouter.daemon.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.ValidationException;

/**
 * Router-pair settings ({@code vrrp = on}): how this router's keepalived speaks VRRPv3 with its peer. One VRRP
 * instance carries every gateway of the router (see docs/architecture.md, "Router pair"), so these settings are
 * per router, not per network.
 *
 * @param vrrpInterface where advertisements go; empty means the trunk. Its own (operator-configured) address is
 *     the advertisements' source, so no guest-network address is consumed
 * @param routerId the VRRP virtual router id, 1..255, equal on both routers and unique on the segment
 * @param priority 1..254; with preemption off it only breaks the tie when both start at once
 * @param advertInterval 10 ms steps (VRRPv3 centiseconds), 50 ms..40.95 s; the backup takes over after about
 *     3.6 intervals
 * @param preempt whether a returning router with the higher priority takes mastership back (default off, the
 *     recipe's {@code auto_failback off})
 * @param unicastPeers the peer's address(es) for fabrics without multicast; empty means multicast 224.0.0.18
 * @param unicastSource the source of unicast advertisements; empty means the interface's primary address
 * @param pairAddress the VRRP instance's own virtual address on the VRRP interface (keepalived wants at least one
 *     advertised address; the gateways are all "excluded", i.e. not in the advertisement). Link-local by default
 * @param keepalived the keepalived program
 * @param takeover who places the gateways: keepalived on the master ({@link VrrpTakeover#ADDRESSES}), or the daemon
 *     on both routers behind the standby gate ({@link VrrpTakeover#GATE})
 */
public record VrrpConfig(Optional<InterfaceName> vrrpInterface, int routerId, int priority, Duration advertInterval,
                         boolean preempt, List<InetAddress> unicastPeers, Optional<InetAddress> unicastSource,
                         Optional<String> pairAddress, Path keepalived, VrrpTakeover takeover) {

  /**
   * The default takeover: {@code gate}, constant time whatever the number of networks (docs/architecture.md, "Gate
   * mode"); kernels without nftables' inet and arp families (the UML lab's) set {@code addresses}.
   */
  public static final VrrpTakeover DEFAULT_TAKEOVER = VrrpTakeover.GATE;

  public static final Duration MIN_ADVERT = Duration.ofMillis(50);
  public static final Duration MAX_ADVERT = Duration.ofMillis(40_950);
  private static final String ADVERT_EXPECTED = "a multiple of 10ms between 50ms and 40950ms";

  public VrrpConfig {
    Objects.requireNonNull(vrrpInterface, "vrrpInterface");
    Objects.requireNonNull(advertInterval, "advertInterval");
    unicastPeers = List.copyOf(unicastPeers);
    Objects.requireNonNull(unicastSource, "unicastSource");
    Objects.requireNonNull(pairAddress, "pairAddress");
    Objects.requireNonNull(keepalived, "keepalived");
    Objects.requireNonNull(takeover, "takeover");
    if (routerId < 1 || routerId > 255) {
      throw new BadValue("vrrp_router_id: a whole number 1..255", Integer.toString(routerId));
    }
    if (priority < 1 || priority > 254) {
      throw new BadValue("vrrp_priority: a whole number 1..254", Integer.toString(priority));
    }
    checkAdvert(advertInterval);
    if (unicastSource.isPresent() && unicastPeers.isEmpty()) {
      throw new BadValue("vrrp_unicast_source: only together with vrrp_unicast_peers", unicastSource.get().getHostAddress());
    }
    for (InetAddress peer : unicastPeers) {
      if (!(peer instanceof Inet4Address)) {
        throw new BadValue("vrrp_unicast_peers: IPv4 addresses (the instance is IPv4)", peer.getHostAddress());
      }
      requireHostAddress("vrrp_unicast_peers", peer);
    }
    if (new java.util.HashSet<>(unicastPeers).size() != unicastPeers.size()) {
      throw new BadValue("vrrp_unicast_peers: each address once", unicastPeers.stream()
          .map(InetAddress::getHostAddress).collect(java.util.stream.Collectors.joining(",")));
    }
    if (unicastSource.isPresent()) {
      requireHostAddress("vrrp_unicast_source", unicastSource.get());
      if (unicastPeers.contains(unicastSource.get())) {
        throw new BadValue("vrrp_unicast_source: this router's own address, not one of vrrp_unicast_peers",
            unicastSource.get().getHostAddress());
      }
    }
    vrrpInterface.filter(name -> name.value().equals("lo")).ifPresent(name -> {
      // keepalived -t: "cannot use a loopback interface (lo) for vrrp"
      throw new BadValue("vrrp_interface: an interface to the peer router, not the loopback", "lo");
    });
    if (pairAddress.isPresent()) {
      InetAddress pair = ipv4(pairAddress.get().substring(0, pairAddress.get().indexOf('/')));
      requireHostAddress("vrrp_pair_address", pair);
      if (unicastPeers.contains(pair) || unicastSource.filter(pair::equals).isPresent()) {
        // keepalived would add a router's own address as the master's virtual address: two owners, one address
        throw new BadValue("vrrp_pair_address: an address of its own, not a router's (vrrp_unicast_peers,"
            + " vrrp_unicast_source)", pairAddress.get());
      }
    }
  }

  /** With the default takeover ({@link #DEFAULT_TAKEOVER}). */
  public VrrpConfig(Optional<InterfaceName> vrrpInterface, int routerId, int priority, Duration advertInterval,
                    boolean preempt, List<InetAddress> unicastPeers, Optional<InetAddress> unicastSource,
                    Optional<String> pairAddress, Path keepalived) {
    this(vrrpInterface, routerId, priority, advertInterval, preempt, unicastPeers, unicastSource, pairAddress,
        keepalived, DEFAULT_TAKEOVER);
  }

  /** The same settings with another takeover. */
  public VrrpConfig withTakeover(VrrpTakeover mode) {
    return new VrrpConfig(vrrpInterface, routerId, priority, advertInterval, preempt, unicastPeers, unicastSource,
        pairAddress, keepalived, mode);
  }

  /**
   * An address a VRRP peer, source or virtual address can be: keepalived -t accepts 0.0.0.0, loopback, multicast
   * and broadcast here, and VRRP then never works (or hijacks a multicast group), so they stop here instead.
   * Link-local addresses (169.254/16) are the point of the defaults and stay allowed.
   */
  private static void requireHostAddress(String key, InetAddress address) {
    byte[] b = address.getAddress();
    boolean broadcast = (b[0] & 0xff) == 255 && (b[1] & 0xff) == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255;
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isMulticastAddress() || broadcast
        || (b[0] & 0xff) == 0) {
      throw new BadValue(key + ": a unicast host address (not 0.x, loopback, multicast or broadcast)",
          address.getHostAddress());
    }
  }

  /** The defaults for {@code vrrp = on} with nothing else set. */
  public static VrrpConfig defaults() {
    return new VrrpConfig(Optional.empty(), 51, 100, Duration.ofMillis(200), false, List.of(), Optional.empty(),
        Optional.empty(), Path.of("/usr/sbin/keepalived"));
  }

  /** The instance's own virtual address: {@link #pairAddress} or 169.254.255.&lt;router id&gt;/32. */
  public String effectivePairAddress() {
    return pairAddress.orElse("169.254.255." + routerId + "/32");
  }

  /** The loader's scratch pad for the {@code vrrp_*} keys; cross-field rules are checked by {@link #build()}. */
  static final class Draft {
    boolean on;
    Optional<InterfaceName> vrrpInterface = Optional.empty();
    int routerId = defaults().routerId();
    int priority = defaults().priority();
    Duration advertInterval = defaults().advertInterval();
    boolean preempt;
    List<InetAddress> unicastPeers = List.of();
    Optional<InetAddress> unicastSource = Optional.empty();
    Optional<String> pairAddress = Optional.empty();
    Path keepalived = defaults().keepalived();
    VrrpTakeover takeover = defaults().takeover();

    Draft(Optional<VrrpConfig> base) {
      base.ifPresent(b -> {
        on = true;
        vrrpInterface = b.vrrpInterface();
        routerId = b.routerId();
        priority = b.priority();
        advertInterval = b.advertInterval();
        preempt = b.preempt();
        unicastPeers = b.unicastPeers();
        unicastSource = b.unicastSource();
        pairAddress = b.pairAddress();
        keepalived = b.keepalived();
        takeover = b.takeover();
      });
    }

    Optional<VrrpConfig> build() {
      return on ? Optional.of(new VrrpConfig(vrrpInterface, routerId, priority, advertInterval, preempt,
          unicastPeers, unicastSource, pairAddress, keepalived, takeover)) : Optional.empty();
    }
  }

  /** {@code 169.254.255.51/32}: a strict IPv4 address and a length 1..32, returned in canonical form. */
  static String pairAddress(String text) {
    int slash = text.indexOf('/');
    String expected = "an IPv4 address/length such as 169.254.255.51/32";
    if (slash < 0 || !text.substring(slash + 1).matches("[1-9]|[12][0-9]|3[0-2]")) {
      throw new BadValue(expected, ConfigValues.quote(text));
    }
    try {
      IpAddress address = IpAddress.parseV4("vrrp_pair_address", text.substring(0, slash));
      return address + text.substring(slash);
    } catch (ValidationException e) {
      throw new BadValue(expected, ConfigValues.quote(text));
    }
  }

  /** One IPv4 address or several separated by commas, each written strictly. */
  static List<InetAddress> ipv4List(String text) {
    List<InetAddress> out = new ArrayList<>();
    if (text.isEmpty()) {
      return out;
    }
    for (String part : text.split(",", -1)) {
      out.add(ipv4(part.strip()));
    }
    if (out.size() > 16) {
      throw new BadValue("at most 16 addresses", Integer.toString(out.size()));
    }
    return out;
  }

  static InetAddress ipv4(String text) {
    try {
      return IpAddress.parseV4("address", text).toInetAddress();
    } catch (ValidationException e) {
      throw new BadValue("an IPv4 address such as 169.254.77.2", ConfigValues.quote(text));
    }
  }

  /** {@code 200ms} or {@code 1s}: the general duration rule starts at 100 ms, VRRPv3 goes lower. */
  static Duration advertInterval(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("([1-9]\\d{0,5})(ms|s)").matcher(text);
    if (!m.matches()) {
      throw new BadValue(ADVERT_EXPECTED, ConfigValues.quote(text));
    }
    long amount = Long.parseLong(m.group(1));
    Duration d = m.group(2).equals("s") ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
    checkAdvert(d);
    return d;
  }

  static void checkAdvert(Duration d) {
    long ms = d.toMillis();
    if (d.compareTo(MIN_ADVERT) < 0 || d.compareTo(MAX_ADVERT) > 0 || ms % 10 != 0 || d.toNanos() % 1_000_000 != 0) {
      throw new BadValue(ADVERT_EXPECTED, d.toMillis() + "ms");
    }
  }
}
