package org.linuxrouter.protocol.model;

import java.util.Objects;

/**
 * The router's address on a guest subnet, in interface CIDR form: {@code 10.1.1.1/24} is the gateway
 * 10.1.1.1 in the subnet 10.1.1.0/24. The gateway must be a usable host address of its subnet: for
 * IPv4 prefixes shorter than /31 not the network or broadcast address, for IPv6 prefixes shorter
 * than /127 not the subnet-router anycast address (RFC 4291 2.6.1). Lengths are 1..31 (IPv4) and
 * 1..127 (IPv6): a /32 or /128 leaves no room for guests.
 */
public final class GatewayAddress {
  private final IpAddress address;
  private final int length;

  private GatewayAddress(String field, IpAddress address, int length) {
    this.address = address.requireRoutableUnicast(field);
    int max = address.family().bits() - 1;
    if (length < 1 || length > max) {
      throw new ValidationException(field, "expected " + address.family().label() + " prefix length 1.."
          + max + " (room for guests), got " + length);
    }
    this.length = length;
    IpPrefix subnet = subnet();
    if (address.equals(subnet.network()) && length < address.family().bits() - 1) {
      throw new ValidationException(field, "expected a host address of " + subnet
          + ", got its network address " + address);
    }
    if (address.family() == IpFamily.V4 && length < 31 && address.equals(subnet.last())) {
      throw new ValidationException(field, "expected a host address of " + subnet
          + ", got its broadcast address " + address);
    }
  }

  /** Parses {@code 10.1.1.1/24}; errors name the field {@code gateway}. */
  public static GatewayAddress parse(String text) {
    return parse("gateway", text);
  }

  public static GatewayAddress parse(String field, String text) {
    Check.present(field, text);
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new ValidationException(field, "expected address/length like 10.1.1.1/24, got " + Check.quote(text));
    }
    IpAddress address = IpAddress.parse(field, text.substring(0, slash));
    int length = IpPrefix.parseLength(field, text.substring(slash + 1), address.family(), 1);
    return new GatewayAddress(field, address, length);
  }

  public static GatewayAddress of(IpAddress address, int length) {
    return new GatewayAddress("gateway", Check.present("gateway", address), length);
  }

  public IpAddress address() {
    return address;
  }

  public int length() {
    return length;
  }

  public IpFamily family() {
    return address.family();
  }

  /** The subnet the gateway serves, e.g. 10.1.1.0/24 for 10.1.1.1/24. */
  public IpPrefix subnet() {
    return IpPrefix.containing(address, length);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof GatewayAddress)) {
      return false;
    }
    GatewayAddress that = (GatewayAddress) other;
    return length == that.length && address.equals(that.address);
  }

  @Override
  public int hashCode() {
    return Objects.hash(address, length);
  }

  @Override
  public String toString() {
    return address + "/" + length;
  }
}
