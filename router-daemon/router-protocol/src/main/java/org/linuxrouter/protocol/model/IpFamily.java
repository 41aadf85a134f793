package org.linuxrouter.protocol.model;

/** IPv4 or IPv6, with the sizes the prefix arithmetic needs. */
public enum IpFamily {
  V4(4),
  V6(16);

  private final int bytes;

  IpFamily(int bytes) {
    this.bytes = bytes;
  }

  public int bytes() {
    return bytes;
  }

  public int bits() {
    return bytes * 8;
  }

  /** {@code ipv4} or {@code ipv6}, as used in messages. */
  public String label() {
    return this == V4 ? "ipv4" : "ipv6";
  }
}
