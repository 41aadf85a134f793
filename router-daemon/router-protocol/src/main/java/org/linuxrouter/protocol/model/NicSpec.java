package org.linuxrouter.protocol.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One guest NIC on a network, keyed by the CloudStack NIC UUID: its MAC and the public addresses the
 * router routes into the network's segment and answers ARP/NDP for on the uplink. Each list holds
 * distinct routable unicast addresses of one family, at most {@value #MAX_ADDRESSES} per family.
 *
 * <p>What the router's guest services need of the VM behind the NIC (all optional): its {@link Hostname},
 * whether this is the VM's default NIC (only that one gets router, DNS and domain by DHCP, CloudStack's rule),
 * CloudStack's extra DHCP options, the metadata keys CloudStack pushes to a virtual router (instance-id,
 * local-hostname, service-offering, ... and the user-data details), the SSH public keys, and two
 * {@link Secret}s: the user data (base64, as CloudStack holds it, at most {@value #MAX_USER_DATA} characters:
 * the ceiling of CloudStack's {@code vm.userdata.max.length}) and a one-time password.
 */
public final class NicSpec {
  public static final int MAX_ADDRESSES = 64;
  public static final int MAX_DHCP_OPTIONS = 64;
  public static final int MAX_METADATA = 64;
  public static final int MAX_METADATA_VALUE = 4096;
  public static final int MAX_SSH_KEYS = 16;
  public static final int MAX_SSH_KEY = 16384;
  /** CloudStack refuses base64 user data longer than this whatever vm.userdata.max.length says (1 MiB). */
  public static final int MAX_USER_DATA = 1048576;
  public static final int MAX_PASSWORD = 255;
  /** Keys served under /latest/meta-data/: a safe path segment, never "." or "..". */
  private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  /** Served from their own fields, so a metadata entry may not shadow them. */
  private static final List<String> RESERVED_KEYS = List.of("user-data", "public-keys", "password");
  private static final Pattern BASE64 = Pattern.compile("([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

  private final Uuid uuid;
  private final MacAddress mac;
  private final List<IpAddress> ipv4;
  private final List<IpAddress> ipv6;
  private final Hostname hostname;
  private final boolean defaultNic;
  private final List<DhcpOption> dhcpOptions;
  private final SortedMap<String, String> metadata;
  private final List<String> sshPublicKeys;
  private final Secret userData;
  private final Secret password;

  private NicSpec(Builder builder) {
    this.uuid = Check.present("uuid", builder.uuid);
    this.mac = Check.present("mac", builder.mac);
    this.ipv4 = addresses("ipv4", builder.ipv4, IpFamily.V4);
    this.ipv6 = addresses("ipv6", builder.ipv6, IpFamily.V6);
    this.hostname = builder.hostname;
    this.defaultNic = builder.defaultNic;
    this.dhcpOptions = Check.uniqueList("dhcpOptions", builder.dhcpOptions, MAX_DHCP_OPTIONS, DhcpOption::code);
    this.metadata = metadata(builder.metadata);
    this.sshPublicKeys = sshKeys(builder.sshPublicKeys);
    this.userData = userData(builder.userData);
    this.password = password(builder.password);
  }

  private static SortedMap<String, String> metadata(Map<String, String> given) {
    Check.present("metadata", given);
    if (given.size() > MAX_METADATA) {
      throw new ValidationException("metadata", "expected at most " + MAX_METADATA + " keys, got " + given.size());
    }
    SortedMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> entry : given.entrySet()) {
      String key = Check.present("metadata", entry.getKey());
      if (!METADATA_KEY.matcher(key).matches()) {
        throw new ValidationException("metadata", "expected keys of 1..64 letters, digits, '.', '_' or '-' "
            + "starting with a letter or digit, got " + Check.quote(key));
      }
      if (RESERVED_KEYS.contains(key)) {
        throw new ValidationException("metadata." + key, "expected a key other than user-data, public-keys and"
            + " password (they have their own fields), got " + key);
      }
      copy.put(key, Check.text("metadata." + key, Check.present("metadata." + key, entry.getValue()), 0,
          MAX_METADATA_VALUE));
    }
    // most NICs have no metadata (no userdata service): share the one empty map instead of a TreeMap each
    return copy.isEmpty() ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(copy);
  }

  private static List<String> sshKeys(List<String> given) {
    List<String> copy = Check.uniqueList("sshPublicKeys", given, MAX_SSH_KEYS, Function.identity());
    for (int i = 0; i < copy.size(); i++) {
      Check.text("sshPublicKeys[" + i + "]", copy.get(i), 1, MAX_SSH_KEY);
    }
    return copy;
  }

  /** Checked without ever quoting the value: errors end up in answers and logs. */
  private static Secret userData(Secret given) {
    if (given == null || given.isRedacted()) {
      return given;
    }
    String text = given.reveal();
    if (text.isEmpty() || text.length() > MAX_USER_DATA) {
      throw new ValidationException("userData", "expected 1.." + MAX_USER_DATA + " characters of base64 (the"
          + " ceiling of cloudstack's vm.userdata.max.length), got " + text.length());
    }
    if (!BASE64.matcher(text).matches()) {
      throw new ValidationException("userData", "expected base64 (rfc 4648, padded, no line breaks), got other"
          + " characters or a length that is not a multiple of 4");
    }
    return given;
  }

  private static Secret password(Secret given) {
    if (given == null || given.isRedacted()) {
      return given;
    }
    String text = given.reveal();
    if (text.isEmpty() || text.length() > MAX_PASSWORD) {
      throw new ValidationException("password", "expected 1.." + MAX_PASSWORD + " characters, got "
          + text.length());
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        throw new ValidationException("password", "expected no control characters, got one at index " + i);
      }
    }
    return given;
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

  /** The VM's host name, handed out by DHCP and answered by DNS; absent: the lease carries no name. */
  public Optional<Hostname> hostname() {
    return Optional.ofNullable(hostname);
  }

  /** Whether this is the VM's default NIC (true unless CloudStack says otherwise). */
  public boolean defaultNic() {
    return defaultNic;
  }

  /** CloudStack's extra DHCP options, distinct codes, in the order given (unmodifiable). */
  public List<DhcpOption> dhcpOptions() {
    return dhcpOptions;
  }

  /** Metadata keys to values, sorted by key (unmodifiable); user data and keys have their own fields. */
  public SortedMap<String, String> metadata() {
    return metadata;
  }

  /** The SSH public keys, one line each (unmodifiable). */
  public List<String> sshPublicKeys() {
    return sshPublicKeys;
  }

  /** The user data, base64 as CloudStack holds it. */
  public Optional<Secret> userData() {
    return Optional.ofNullable(userData);
  }

  /** The one-time password, until the VM has acknowledged it. */
  public Optional<Secret> password() {
    return Optional.ofNullable(password);
  }

  /** This NIC as answers show it: each secret it holds replaced by {@link Secret#REDACTED}. */
  public NicSpec redacted() {
    Builder copy = newBuilder();
    copy.userData = userData == null ? null : Secret.REDACTED;
    copy.password = password == null ? null : Secret.REDACTED;
    return copy.build();
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof NicSpec)) {
      return false;
    }
    NicSpec that = (NicSpec) other;
    return uuid.equals(that.uuid) && mac.equals(that.mac) && ipv4.equals(that.ipv4) && ipv6.equals(that.ipv6)
        && Objects.equals(hostname, that.hostname) && defaultNic == that.defaultNic
        && dhcpOptions.equals(that.dhcpOptions) && metadata.equals(that.metadata)
        && sshPublicKeys.equals(that.sshPublicKeys) && Objects.equals(userData, that.userData)
        && Objects.equals(password, that.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(uuid, mac, ipv4, ipv6, hostname, defaultNic, dhcpOptions, metadata, sshPublicKeys,
        userData, password);
  }

  /** Never shows the secrets (only whether they are set), nor metadata values. */
  @Override
  public String toString() {
    return "NicSpec{uuid=" + uuid + ", mac=" + mac + ", ipv4=" + ipv4 + ", ipv6=" + ipv6 + ", hostname="
        + hostname + ", defaultNic=" + defaultNic + ", dhcpOptions=" + dhcpOptions + ", metadata="
        + metadata.keySet() + ", sshPublicKeys=" + sshPublicKeys.size() + ", userData=" + (userData != null)
        + ", password=" + (password != null) + "}";
  }

  /** Collects fields; {@link #build()} validates them all. */
  public static final class Builder {
    private Uuid uuid;
    private MacAddress mac;
    private List<IpAddress> ipv4 = new ArrayList<>();
    private List<IpAddress> ipv6 = new ArrayList<>();
    private Hostname hostname;
    private boolean defaultNic = true;
    private List<DhcpOption> dhcpOptions = new ArrayList<>();
    private Map<String, String> metadata = new TreeMap<>();
    private List<String> sshPublicKeys = new ArrayList<>();
    private Secret userData;
    private Secret password;

    private Builder() {
    }

    private Builder(NicSpec nic) {
      this.uuid = nic.uuid;
      this.mac = nic.mac;
      this.ipv4 = new ArrayList<>(nic.ipv4);
      this.ipv6 = new ArrayList<>(nic.ipv6);
      this.hostname = nic.hostname;
      this.defaultNic = nic.defaultNic;
      this.dhcpOptions = new ArrayList<>(nic.dhcpOptions);
      this.metadata = new TreeMap<>(nic.metadata);
      this.sshPublicKeys = new ArrayList<>(nic.sshPublicKeys);
      this.userData = nic.userData;
      this.password = nic.password;
    }

    /** The host name, or null for none. */
    public Builder hostname(Hostname hostname) {
      this.hostname = hostname;
      return this;
    }

    public Builder defaultNic(boolean defaultNic) {
      this.defaultNic = defaultNic;
      return this;
    }

    /** Replaces the extra DHCP options. */
    public Builder dhcpOptions(List<DhcpOption> dhcpOptions) {
      this.dhcpOptions = dhcpOptions == null ? null : new ArrayList<>(dhcpOptions);
      return this;
    }

    /** Replaces the metadata (null keys or values are rejected by {@link #build()}). */
    public Builder metadata(Map<String, String> metadata) {
      this.metadata = metadata == null ? null : new java.util.HashMap<>(metadata);
      return this;
    }

    /** Replaces the SSH public keys. */
    public Builder sshPublicKeys(List<String> sshPublicKeys) {
      this.sshPublicKeys = sshPublicKeys == null ? null : new ArrayList<>(sshPublicKeys);
      return this;
    }

    /** The user data, or null for none. */
    public Builder userData(Secret userData) {
      this.userData = userData;
      return this;
    }

    /** The one-time password, or null for none (e.g. once the VM acknowledged it). */
    public Builder password(Secret password) {
      this.password = password;
      return this;
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
