package org.linuxrouter.daemon.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the REST API listens: an IP literal and a port. Host names are refused on purpose: resolving one at
 * start-up would make the daemon depend on DNS, and a name can resolve to several addresses.
 */
public record ListenAddress(InetAddress address, int port) {
  static final String EXPECTED = "an IP address and port such as 0.0.0.0:8443 or [::1]:8443";
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final Pattern PORT = Pattern.compile("[1-9]\\d{0,4}");

  public ListenAddress {
    Objects.requireNonNull(address, "address");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("listen port: expected 1..65535, got " + port);
    }
  }

  /** Parses {@code 192.0.2.1:8443} or {@code [2001:db8::1]:8443}; the exception message says what was expected. */
  public static ListenAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(EXPECTED);
    }
    String host = text.substring(0, colon);
    String port = text.substring(colon + 1);
    if (!PORT.matcher(port).matches() || Integer.parseInt(port) > 65535) {
      throw new IllegalArgumentException("a port 1..65535 after the last colon");
    }
    return new ListenAddress(literal(host), Integer.parseInt(port));
  }

  /** True for 127.0.0.0/8 and ::1: only then may the API run without TLS. */
  public boolean isLoopback() {
    return address.isLoopbackAddress();
  }

  /** True for 0.0.0.0 and :: (every local address). */
  public boolean isWildcard() {
    return address.isAnyLocalAddress();
  }

  public InetSocketAddress socketAddress() {
    return new InetSocketAddress(address, port);
  }

  @Override
  public String toString() {
    String host = address.getHostAddress();
    return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
  }

  private static InetAddress literal(String host) {
    if (host.startsWith("[") && host.endsWith("]")) {
      String inner = host.substring(1, host.length() - 1);
      if (IPV6.matcher(inner).matches()) {
        return resolveLiteral(inner);
      }
    }
    Matcher m = IPV4.matcher(host);
    if (!m.matches()) {
      throw new IllegalArgumentException(EXPECTED);
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      int octet = Integer.parseInt(m.group(i + 1));
      if (octet > 255) {
        throw new IllegalArgumentException("an IPv4 address with octets 0..255");
      }
      bytes[i] = (byte) octet;
    }
    return resolveLiteral(bytes);
  }

  // Both overloads only ever see literals (checked above), so no name service is consulted.
  private static InetAddress resolveLiteral(String ipv6) {
    try {
      InetAddress address = InetAddress.getByName(ipv6);
      if (!(address instanceof Inet6Address)) {
        throw new IllegalArgumentException("an IPv6 address inside [ ]");
      }
      return address;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("an IPv6 address inside [ ]", e);
    }
  }

  private static InetAddress resolveLiteral(byte[] ipv4) {
    try {
      return InetAddress.getByAddress(ipv4);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always a valid IPv4 address", e);
    }
  }
}
