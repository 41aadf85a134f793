package org.linuxrouter.protocol.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * One IPv4 or IPv6 address, parsed strictly (see {@link #parse(String)}) and printed canonically:
 * dotted decimal for IPv4, RFC 5952 (lower case, shortest) for IPv6. Equal addresses print equally.
 */
public final class IpAddress {
  private final byte[] bytes;

  private IpAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Parses either family; errors name the field {@code address}. */
  public static IpAddress parse(String text) {
    return parse("address", text);
  }

  /** Parses either family: text containing ':' must be IPv6, anything else IPv4. */
  public static IpAddress parse(String field, String text) {
    Check.present(field, text);
    return text.indexOf(':') >= 0 ? parseV6(field, text) : parseV4(field, text);
  }

  public static IpAddress parseV4(String field, String text) {
    Check.present(field, text);
    return new IpAddress(IpText.parseV4(field, text));
  }

  public static IpAddress parseV6(String field, String text) {
    Check.present(field, text);
    return new IpAddress(IpText.parseV6(field, text));
  }

  /** The address with these 4 or 16 network-order bytes. */
  public static IpAddress of(byte[] bytes) {
    if (bytes == null || (bytes.length != 4 && bytes.length != 16)) {
      throw new ValidationException("address", "expected 4 or 16 bytes, got "
          + (bytes == null ? "none" : String.valueOf(bytes.length)));
    }
    return new IpAddress(bytes.clone());
  }

  public IpFamily family() {
    return bytes.length == 4 ? IpFamily.V4 : IpFamily.V6;
  }

  /** Network-order bytes (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  public InetAddress toInetAddress() {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("address: expected 4 or 16 bytes, got " + bytes.length, e);
    }
  }

  /**
   * Whether this can be a host's own address on a routed segment: not unspecified, loopback,
   * multicast, link-local, or (IPv4) the reserved 240.0.0.0/4 range that includes the broadcast.
   */
  public boolean isRoutableUnicast() {
    int first = bytes[0] & 0xff;
    if (family() == IpFamily.V4) {
      return first != 0 && first != 127 && first < 224 && !(first == 169 && (bytes[1] & 0xff) == 254);
    }
    boolean unspecifiedOrLoopback = true;
    for (int i = 0; i < 15; i++) {
      unspecifiedOrLoopback &= bytes[i] == 0;
    }
    unspecifiedOrLoopback &= bytes[15] == 0 || bytes[15] == 1;
    boolean linkLocal = first == 0xfe && (bytes[1] & 0xc0) == 0x80;
    return !unspecifiedOrLoopback && first != 0xff && !linkLocal;
  }

  /** Like {@link #isRoutableUnicast()} but throws a validation error naming {@code field}. */
  IpAddress requireRoutableUnicast(String field) {
    if (!isRoutableUnicast()) {
      throw new ValidationException(field, "expected a routable unicast address (not unspecified, loopback,"
          + " multicast, link-local or reserved), got " + this);
    }
    return this;
  }

  IpAddress requireFamily(String field, IpFamily family) {
    if (family() != family) {
      throw new ValidationException(field, "expected an " + family.label() + " address, got " + this);
    }
    return this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IpAddress && Arrays.equals(((IpAddress) other).bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return IpText.format(bytes);
  }
}
