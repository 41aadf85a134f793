package org.linuxrouter.protocol.model;

import java.util.Objects;

/**
 * A subnet in strict CIDR form: {@code 10.1.1.0/24}, {@code fd00:1::/64}. The address must be the
 * network address (host bits zero); {@code 10.1.1.1/24} is a {@link GatewayAddress}, not a prefix.
 */
public final class IpPrefix {
  private final IpAddress network;
  private final int length;

  private IpPrefix(IpAddress network, int length) {
    this.network = network;
    this.length = length;
  }

  /** Parses {@code a.b.c.d/n} or {@code x::/n}; errors name the field {@code prefix}. */
  public static IpPrefix parse(String text) {
    return parse("prefix", text);
  }

  public static IpPrefix parse(String field, String text) {
    Check.present(field, text);
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new ValidationException(field, "expected address/length, got " + Check.quote(text));
    }
    IpAddress address = IpAddress.parse(field, text.substring(0, slash));
    int length = parseLength(field, text.substring(slash + 1), address.family(), 0);
    IpPrefix prefix = containing(address, length);
    if (!prefix.network.equals(address)) {
      throw new ValidationException(field, "expected a network address with host bits zero, got "
          + Check.quote(text) + " (the network is " + prefix + ")");
    }
    return prefix;
  }

  /** The prefix of {@code length} bits that contains {@code address} (host bits cleared). */
  public static IpPrefix containing(IpAddress address, int length) {
    Check.present("address", address);
    Check.range("length", length, 0, address.family().bits());
    return new IpPrefix(IpAddress.of(mask(address.bytes(), length, false)), length);
  }

  static int parseLength(String field, String digits, IpFamily family, int min) {
    int max = family.bits();
    if (!Check.isCanonicalDecimal(digits, 3) || Integer.parseInt(digits) < min
        || Integer.parseInt(digits) > max) {
      throw new ValidationException(field, "expected " + family.label() + " prefix length " + min + ".."
          + max + " without leading zeros, got " + Check.quote(digits));
    }
    return Integer.parseInt(digits);
  }

  /** Keeps the first {@code length} bits, setting the rest to zero (or to one when {@code fill}). */
  static byte[] mask(byte[] bytes, int length, boolean fill) {
    byte[] out = bytes.clone();
    for (int bit = length; bit < out.length * 8; bit++) {
      int mask = 0x80 >>> (bit % 8);
      out[bit / 8] = (byte) (fill ? out[bit / 8] | mask : out[bit / 8] & ~mask);
    }
    return out;
  }

  /** The network address (host bits zero). */
  public IpAddress network() {
    return network;
  }

  public int length() {
    return length;
  }

  public IpFamily family() {
    return network.family();
  }

  /** The highest address in the prefix: the IPv4 broadcast address. */
  public IpAddress last() {
    return IpAddress.of(mask(network.bytes(), length, true));
  }

  public boolean contains(IpAddress address) {
    return address.family() == family() && containing(address, length).equals(this);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof IpPrefix)) {
      return false;
    }
    IpPrefix that = (IpPrefix) other;
    return length == that.length && network.equals(that.network);
  }

  @Override
  public int hashCode() {
    return Objects.hash(network, length);
  }

  @Override
  public String toString() {
    return network + "/" + length;
  }
}
