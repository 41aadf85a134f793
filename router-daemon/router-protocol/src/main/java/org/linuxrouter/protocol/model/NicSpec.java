package org.linuxrouter.protocol.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One guest NIC on a network, keyed by the CloudStack NIC UUID: its MAC and the public addresses the
 * router routes into the network's segment and answers ARP/NDP for on the uplink. Each list holds
 * distinct routable unicast addresses of one family, at most {@value #MAX_ADDRESSES} per family.
 */
public final class NicSpec {
  public static final int MAX_ADDRESSES = 64;

  private final Uuid uuid;
  private final MacAddress mac;
  private final List<IpAddress> ipv4;
  private final List<IpAddress> ipv6;

  private NicSpec(Builder builder) {
    this.uuid = Check.present("uuid", builder.uuid);
    this.mac = Check.present("mac", builder.mac);
    this.ipv4 = addresses("ipv4", builder.ipv4, IpFamily.V4);
    this.ipv6 = addresses("ipv6", builder.ipv6, IpFamily.V6);
  }

  private static List<IpAddress> addresses(String field, List<IpAddress> given, IpFamily family) {
    List<IpAddress> copy = Check.uniqueList(field, given, MAX_ADDRESSES, Function.identity());
    for (int i = 0; i < copy.size(); i++) {
      copy.get(i).requireFamily(field + "[" + i + "]", family).requireRoutableUnicast(field + "[" + i + "]");
    }
    return copy;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder newBuilder() {
    return new Builder(this);
  }

  public Uuid uuid() {
    return uuid;
  }

  public MacAddress mac() {
    return mac;
  }

  /** The IPv4 addresses routed to this NIC (unmodifiable, in the order given). */
  public List<IpAddress> ipv4() {
    return ipv4;
  }

  /** The IPv6 addresses routed to this NIC (unmodifiable, in the order given). */
  public List<IpAddress> ipv6() {
    return ipv6;
  }

  /** Both families, IPv4 first. */
  public List<IpAddress> addresses() {
    List<IpAddress> all = new ArrayList<>(ipv4);
    all.addAll(ipv6);
    return all;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof NicSpec)) {
      return false;
    }
    NicSpec that = (NicSpec) other;
    return uuid.equals(that.uuid) && mac.equals(that.mac) && ipv4.equals(that.ipv4) && ipv6.equals(that.ipv6);
  }

  @Override
  public int hashCode() {
    return Objects.hash(uuid, mac, ipv4, ipv6);
  }

  @Override
  public String toString() {
    return "NicSpec{uuid=" + uuid + ", mac=" + mac + ", ipv4=" + ipv4 + ", ipv6=" + ipv6 + "}";
  }

  /** Collects fields; {@link #build()} validates them all. */
  public static final class Builder {
    private Uuid uuid;
    private MacAddress mac;
    private List<IpAddress> ipv4 = new ArrayList<>();
    private List<IpAddress> ipv6 = new ArrayList<>();

    private Builder() {
    }

    private Builder(NicSpec nic) {
      this.uuid = nic.uuid;
      this.mac = nic.mac;
      this.ipv4 = new ArrayList<>(nic.ipv4);
      this.ipv6 = new ArrayList<>(nic.ipv6);
    }

    public Builder uuid(Uuid uuid) {
      this.uuid = uuid;
      return this;
    }

    public Builder mac(MacAddress mac) {
      this.mac = mac;
      return this;
    }

    /** Replaces the IPv4 list. */
    public Builder ipv4(List<IpAddress> ipv4) {
      this.ipv4 = ipv4 == null ? null : new ArrayList<>(ipv4);
      return this;
    }

    /** Replaces the IPv6 list. */
    public Builder ipv6(List<IpAddress> ipv6) {
      this.ipv6 = ipv6 == null ? null : new ArrayList<>(ipv6);
      return this;
    }

    /** Appends one address to the list of its family. */
    public Builder addAddress(IpAddress address) {
      Check.present("address", address);
      if (address.family() == IpFamily.V4) {
        ipv4 = ipv4 == null ? new ArrayList<>() : ipv4;
        ipv4.add(address);
      } else {
        ipv6 = ipv6 == null ? new ArrayList<>() : ipv6;
        ipv6.add(address);
      }
      return this;
    }

    public NicSpec build() {
      return new NicSpec(this);
    }
  }
}
