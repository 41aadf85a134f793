package org.linuxrouter.protocol.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Desired state of one guest network on a router, keyed by the CloudStack network UUID: the segment
 * (VLAN) on the trunk, the gateway address(es) the router owns on it, the MTU, and how public NIC
 * addresses are proxied on the uplink. NICs are separate resources ({@link NicSpec}).
 *
 * <p>The guest services the router gives the network's VMs in place of a virtual router ({@link GuestService}:
 * none unless listed, so networks stored before these services existed keep working unchanged), the zone's DNS
 * resolvers (handed out after the router itself and used for forwarding) and the network's DNS domain.
 *
 * <p>Rules checked here: gateway4 is IPv4 and required; gateway6 is IPv6; MTU is 68..65535 and at
 * least 1280 when gateway6 is set (IPv6 minimum link MTU, RFC 8200 section 5); at most
 * {@value #MAX_DNS_SERVERS} distinct routable unicast DNS servers; {@code trunk} only with a
 * {@code vlan://} segment, {@code vxlan} only with a {@code vxlan://} one.
 */
public final class NetworkSpec {
  public static final int MAX_DNS_SERVERS = 4;
  public static final int MIN_MTU = 68;
  public static final int MIN_MTU_IPV6 = 1280;
  public static final int MAX_MTU = 65535;

  private final Uuid uuid;
  private final String name;
  private final Segment segment;
  private final InterfaceName trunk;
  private final GatewayAddress gateway4;
  private final GatewayAddress gateway6;
  private final Integer mtu;
  private final ProxyMode proxyMode;
  private final Set<GuestService> services;
  private final List<IpAddress> dnsServers;
  private final DnsDomain domain;
  private final VxlanOptions vxlan;

  private NetworkSpec(Builder builder) {
    this.uuid = Check.present("uuid", builder.uuid);
    this.name = builder.name == null ? null : Check.text("name", builder.name, 1, 255);
    this.segment = Check.present("segment", builder.segment);
    this.trunk = builder.trunk;
    this.gateway4 = Check.present("gateway4", builder.gateway4);
    requireFamily("gateway4", gateway4, IpFamily.V4);
    this.gateway6 = builder.gateway6;
    if (gateway6 != null) {
      requireFamily("gateway6", gateway6, IpFamily.V6);
    }
    this.mtu = builder.mtu == null ? null : Check.range("mtu", builder.mtu, MIN_MTU, MAX_MTU);
    if (mtu != null && gateway6 != null && mtu < MIN_MTU_IPV6) {
      throw new ValidationException("mtu", "expected " + MIN_MTU_IPV6 + ".." + MAX_MTU
          + " because gateway6 is set (ipv6 minimum link mtu), got " + mtu);
    }
    this.proxyMode = Check.present("proxyMode", builder.proxyMode);
    Check.present("services", builder.services);
    EnumSet<GuestService> set = EnumSet.noneOf(GuestService.class);
    builder.services.forEach(s -> set.add(Check.present("services", s)));
    this.services = Collections.unmodifiableSet(set);
    this.dnsServers = Check.uniqueList("dnsServers", builder.dnsServers, MAX_DNS_SERVERS, Function.identity());
    for (int i = 0; i < dnsServers.size(); i++) {
      dnsServers.get(i).requireRoutableUnicast("dnsServers[" + i + "]");
    }
    this.domain = builder.domain;
    this.vxlan = builder.vxlan;
    boolean isVxlan = segment.type() == Segment.Type.VXLAN;
    if (trunk != null && isVxlan) {
      throw new ValidationException("trunk", "expected no trunk with a vxlan:// segment (its underlay is"
          + " vxlan.underlay), got " + trunk);
    }
    if (vxlan != null && !isVxlan) {
      throw new ValidationException("vxlan", "expected vxlan options only with a vxlan:// segment, got segment "
          + segment.uri());
    }
  }

  private static void requireFamily(String field, GatewayAddress gateway, IpFamily family) {
    if (gateway.family() != family) {
      throw new ValidationException(field, "expected an " + family.label() + " gateway, got " + gateway);
    }
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

  /** CloudStack's display name, for logs and interface aliases only; never an identity. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  public Segment segment() {
    return segment;
  }

  /** The trunk interface carrying the segment; absent means the router's configured default. */
  public Optional<InterfaceName> trunk() {
    return Optional.ofNullable(trunk);
  }

  public GatewayAddress gateway4() {
    return gateway4;
  }

  public Optional<GatewayAddress> gateway6() {
    return Optional.ofNullable(gateway6);
  }

  /** The VLAN interface MTU; absent means inherit the trunk's. */
  public OptionalInt mtu() {
    return mtu == null ? OptionalInt.empty() : OptionalInt.of(mtu);
  }

  public ProxyMode proxyMode() {
    return proxyMode;
  }

  /** The guest services the router gives this network (unmodifiable, in declaration order). */
  public Set<GuestService> services() {
    return services;
  }

  public boolean offers(GuestService service) {
    return services.contains(service);
  }

  /** The zone's DNS resolvers, either family, in CloudStack's order (unmodifiable). */
  public List<IpAddress> dnsServers() {
    return dnsServers;
  }

  /** The network's DNS domain; absent: DHCP hands out none. */
  public Optional<DnsDomain> domain() {
    return Optional.ofNullable(domain);
  }

  /** How to join a {@code vxlan://} segment; absent: entirely the router's configuration. */
  public Optional<VxlanOptions> vxlan() {
    return Optional.ofNullable(vxlan);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof NetworkSpec)) {
      return false;
    }
    NetworkSpec that = (NetworkSpec) other;
    return uuid.equals(that.uuid) && Objects.equals(name, that.name) && segment.equals(that.segment)
        && Objects.equals(trunk, that.trunk) && gateway4.equals(that.gateway4)
        && Objects.equals(gateway6, that.gateway6) && Objects.equals(mtu, that.mtu)
        && proxyMode == that.proxyMode && services.equals(that.services) && dnsServers.equals(that.dnsServers)
        && Objects.equals(domain, that.domain) && Objects.equals(vxlan, that.vxlan);
  }

  @Override
  public int hashCode() {
    return Objects.hash(uuid, name, segment, trunk, gateway4, gateway6, mtu, proxyMode, services, dnsServers,
        domain, vxlan);
  }

  @Override
  public String toString() {
    return "NetworkSpec{uuid=" + uuid + ", name=" + name + ", segment=" + segment + ", trunk=" + trunk
        + ", gateway4=" + gateway4 + ", gateway6=" + gateway6 + ", mtu=" + mtu
        + ", proxyMode=" + proxyMode.wireName() + ", services=" + services + ", dnsServers=" + dnsServers
        + ", domain=" + domain + (vxlan == null ? "" : ", vxlan=" + vxlan) + "}";
  }

  /** Collects fields; {@link #build()} validates them all. */
  public static final class Builder {
    private Uuid uuid;
    private String name;
    private Segment segment;
    private InterfaceName trunk;
    private GatewayAddress gateway4;
    private GatewayAddress gateway6;
    private Integer mtu;
    private ProxyMode proxyMode = ProxyMode.PER_ADDRESS;
    private Collection<GuestService> services = new ArrayList<>();
    private List<IpAddress> dnsServers = new ArrayList<>();
    private DnsDomain domain;
    private VxlanOptions vxlan;

    private Builder() {
    }

    private Builder(NetworkSpec spec) {
      this.uuid = spec.uuid;
      this.name = spec.name;
      this.segment = spec.segment;
      this.trunk = spec.trunk;
      this.gateway4 = spec.gateway4;
      this.gateway6 = spec.gateway6;
      this.mtu = spec.mtu;
      this.proxyMode = spec.proxyMode;
      this.services = new ArrayList<>(spec.services);
      this.dnsServers = new ArrayList<>(spec.dnsServers);
      this.domain = spec.domain;
      this.vxlan = spec.vxlan;
    }

    /** Replaces the guest services (duplicates are harmless). */
    public Builder services(Collection<GuestService> services) {
      this.services = services == null ? null : new ArrayList<>(services);
      return this;
    }

    /** Replaces the zone's DNS resolvers. */
    public Builder dnsServers(List<IpAddress> dnsServers) {
      this.dnsServers = dnsServers == null ? null : new ArrayList<>(dnsServers);
      return this;
    }

    /** The DNS domain, or null for none. */
    public Builder domain(DnsDomain domain) {
      this.domain = domain;
      return this;
    }

    public Builder uuid(Uuid uuid) {
      this.uuid = uuid;
      return this;
    }

    /** The display name, or null for none. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder segment(Segment segment) {
      this.segment = segment;
      return this;
    }

    /** The trunk interface, or null for the router's default. */
    public Builder trunk(InterfaceName trunk) {
      this.trunk = trunk;
      return this;
    }

    public Builder gateway4(GatewayAddress gateway4) {
      this.gateway4 = gateway4;
      return this;
    }

    /** The IPv6 gateway, or null for an IPv4-only network. */
    public Builder gateway6(GatewayAddress gateway6) {
      this.gateway6 = gateway6;
      return this;
    }

    /** The MTU, or null to inherit the trunk's. */
    public Builder mtu(Integer mtu) {
      this.mtu = mtu;
      return this;
    }

    public Builder proxyMode(ProxyMode proxyMode) {
      this.proxyMode = proxyMode;
      return this;
    }

    /** VXLAN options, or null for the router's configuration (and for VLAN segments). */
    public Builder vxlan(VxlanOptions vxlan) {
      this.vxlan = vxlan;
      return this;
    }

    public NetworkSpec build() {
      return new NetworkSpec(this);
    }
  }
}
