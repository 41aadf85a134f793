package org.linuxrouter.daemon.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The few {@code /proc/sys} settings the router needs, each read-compare-written: a value that is already
 * right is not written again, and every setter returns whether it changed anything. The root is configurable
 * so tests can point it at a plain directory; in production it is {@code /proc/sys} of the daemon's network
 * namespace (net/* entries are per namespace).
 *
 * <p>Interface arguments are a real interface name, {@code all} or {@code default}, checked before any path
 * is built: at most 15 bytes of {@code [A-Za-z0-9._-]}, never {@code .} or {@code ..}, so no argument can
 * leave its directory. A missing file means the interface (or IPv6) does not exist; the error names the path.
 *
 * <p><b>Order matters.</b> A new interface copies {@code conf/default} when it is created (IPv4
 * devinet_copy_dflt_conf, IPv6 likewise), so a value wanted on VLAN interfaces that do not exist yet must be
 * written to {@code default} <em>before</em> they are created; for interfaces that already exist write the
 * interface itself. For IPv4 {@code conf} values a write to {@code default} also reaches existing interfaces
 * whose own value was never written, but not those that were: the per-interface write wins. Since a value
 * that is already right is not written, it is not pinned either, so set {@code default} first and the
 * interfaces after. For
 * {@code proxy_arp} and {@code rp_filter} the kernel uses the maximum of {@code all} and the interface, and
 * for {@code proxy_ndp} either being on, so turning {@code all} on overrides every interface. Writing
 * forwarding for {@code all} (which {@link #ipv4Forwarding(boolean)} does through {@code ip_forward}) also
 * rewrites every interface's and {@code default}'s forwarding value.
 */
public final class Sysctl {
  /** The real location. */
  public static final Path PROC_SYS = Path.of("/proc/sys");
  /** The kernel's rp_filter values: 0 off, 1 strict, 2 loose. */
  public static final int RP_FILTER_MAX = 2;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,15}");

  private final Path root;

  /** Settings under {@code root}, which must be an absolute path (e.g. a test's temporary directory). */
  public Sysctl(Path root) {
    Objects.requireNonNull(root, "root");
    if (!root.isAbsolute()) {
      throw new IllegalArgumentException("sysctl root: expected an absolute path, got " + root);
    }
    this.root = root;
  }

  /** The settings of the network namespace this process runs in. */
  public static Sysctl system() {
    return new Sysctl(PROC_SYS);
  }

  public boolean ipv4Forwarding() {
    return flag("net/ipv4/ip_forward");
  }

  /** Sets IPv4 forwarding for every interface, existing and future; resets accept_redirects (kernel side). */
  public boolean ipv4Forwarding(boolean on) {
    return write("net/ipv4/ip_forward", on ? 1 : 0);
  }

  public boolean ipv4Forwarding(String ifname) {
    return flag(conf4(ifname, "forwarding"));
  }

  /**
   * IPv4 forwarding of packets that arrive on one interface. Proxy ARP (per address or interface-wide) answers only
   * on an interface that forwards, so a pair's backup turns it off on its uplink to stay silent there.
   */
  public boolean ipv4Forwarding(String ifname, boolean on) {
    return write(conf4(ifname, "forwarding"), on ? 1 : 0);
  }

  public boolean ipv6Forwarding() {
    return flag("net/ipv6/conf/all/forwarding");
  }

  /** Sets IPv6 forwarding for every interface, existing and future (conf/all/forwarding). */
  public boolean ipv6Forwarding(boolean on) {
    return write("net/ipv6/conf/all/forwarding", on ? 1 : 0);
  }

  public boolean proxyArp(String ifname) {
    return flag(conf4(ifname, "proxy_arp"));
  }

  /** Interface-wide proxy ARP; per-address proxy entries do not need it (router-anchors §5.2). */
  public boolean proxyArp(String ifname, boolean on) {
    return write(conf4(ifname, "proxy_arp"), on ? 1 : 0);
  }

  public boolean proxyNdp(String ifname) {
    return flag(conf6(ifname, "proxy_ndp"));
  }

  /** Lets per-address IPv6 proxy entries answer; cannot be set over netlink, hence this file. */
  public boolean proxyNdp(String ifname, boolean on) {
    return write(conf6(ifname, "proxy_ndp"), on ? 1 : 0);
  }

  public int proxyDelay(String ifname) {
    return read(neigh4(ifname, "proxy_delay"));
  }

  /**
   * The longest random delay, in hundredths of a second, before a proxy ARP reply to a broadcast request; the
   * kernel default 80 is 0.8 s, 0 answers at once. There is no {@code all} entry here, only {@code default}.
   */
  public boolean proxyDelay(String ifname, int centiseconds) {
    if (centiseconds < 0) {
      throw new IllegalArgumentException("proxy_delay of " + ifname + ": expected 0 or more, got " + centiseconds);
    }
    return write(neigh4(ifname, "proxy_delay"), centiseconds);
  }

  public int proxyDelay6(String ifname) {
    return read(neigh6(ifname, "proxy_delay"));
  }

  /** As {@link #proxyDelay(String, int)} for neighbour solicitations answered by proxy NDP (also 0.8 s by default). */
  public boolean proxyDelay6(String ifname, int centiseconds) {
    if (centiseconds < 0) {
      throw new IllegalArgumentException("IPv6 proxy_delay of " + ifname + ": expected 0 or more, got " + centiseconds);
    }
    return write(neigh6(ifname, "proxy_delay"), centiseconds);
  }

  public int igmpMaxMemberships() {
    return read("net/ipv4/igmp_max_memberships");
  }

  /**
   * Raises the number of IPv4 multicast groups one socket may join to at least {@code groups}, never lowers it:
   * every multicast VXLAN device joins its group on the one socket the vxlan driver shares per UDP port, and the
   * default of 20 makes the 21st device fail to come up (ENOBUFS). Per network namespace.
   */
  public boolean igmpMaxMemberships(int groups) {
    return groups > igmpMaxMemberships() && write("net/ipv4/igmp_max_memberships", groups);
  }

  public int optmemMax() {
    return read("net/core/optmem_max");
  }

  /**
   * Raises the option memory a socket may hold to at least {@code bytes}, never lowers it: each multicast group a
   * socket joins takes a small allocation from it, so about 2,700 multicast VXLAN devices exhaust the default
   * 128 KiB (ENOBUFS) even with igmp_max_memberships raised. Per network namespace.
   */
  public boolean optmemMax(int bytes) {
    return bytes > optmemMax() && write("net/core/optmem_max", bytes);
  }

  public int rpFilter(String ifname) {
    return read(conf4(ifname, "rp_filter"));
  }

  /** Reverse-path filtering: 0 off, 1 strict, 2 loose (the effective value is the max of all and ifname). */
  public boolean rpFilter(String ifname, int mode) {
    if (mode < 0 || mode > RP_FILTER_MAX) {
      throw new IllegalArgumentException("rp_filter of " + ifname + ": expected 0.." + RP_FILTER_MAX + ", got "
          + mode);
    }
    return write(conf4(ifname, "rp_filter"), mode);
  }

  private static String conf4(String ifname, String key) {
    return "net/ipv4/conf/" + checked(ifname) + "/" + key;
  }

  private static String conf6(String ifname, String key) {
    return "net/ipv6/conf/" + checked(ifname) + "/" + key;
  }

  private static String neigh4(String ifname, String key) {
    return "net/ipv4/neigh/" + checked(ifname) + "/" + key;
  }

  private static String neigh6(String ifname, String key) {
    return "net/ipv6/neigh/" + checked(ifname) + "/" + key;
  }

  private static String checked(String ifname) {
    if (ifname == null || !NAME.matcher(ifname).matches() || ifname.equals(".") || ifname.equals("..")) {
      throw new IllegalArgumentException("sysctl interface: expected all, default or an interface name of 1..15 "
          + "bytes from [A-Za-z0-9._-] other than . and .., got " + (ifname == null ? "none" : "\"" + ifname + "\""));
    }
    return ifname;
  }

  private boolean flag(String relative) {
    int value = read(relative);
    if (value != 0 && value != 1) {
      throw new IllegalStateException(root.resolve(relative) + ": expected 0 or 1, got " + value);
    }
    return value == 1;
  }

  private int read(String relative) {
    Path path = root.resolve(relative);
    String text;
    try {
      // One read(2) of the whole value: /proc/sys integer files answer EOF to any read at a non-zero offset, and
      // Files.readString reads a zero-size file a byte at a time first, which returned "2" for 20.
      try (java.io.InputStream in = Files.newInputStream(path)) {
        byte[] buffer = new byte[128];
        int n = in.read(buffer);
        text = n <= 0 ? "" : new String(buffer, 0, n, StandardCharsets.US_ASCII).strip();
      }
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException(path + ": expected a sysctl file, got none (no such interface, or the "
          + "address family is disabled)", e);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot read: " + e, e);
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(path + ": expected an integer, got \"" + text + "\"", e);
    }
  }

  /** Read, compare, write, read back: returns whether the value had to change. */
  private boolean write(String relative, int value) {
    if (read(relative) == value) {
      return false;
    }
    Path path = root.resolve(relative);
    try {
      // WRITE without CREATE: a sysctl that does not exist must not be invented (matters for test roots).
      Files.writeString(path, value + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot write " + value + ": " + e, e);
    }
    int now = read(relative);
    if (now != value) {
      throw new IllegalStateException(path + ": expected " + value + " after writing it, got " + now);
    }
    return true;
  }
}
