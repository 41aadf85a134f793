package org.linuxrouter.protocol.model;

import java.util.Objects;

/**
 * The layer-2 segment a guest network lives on, in CloudStack's broadcast URI form.
 * {@code vlan://100} is an 802.1Q VLAN (1..4094). {@code vxlan://5000} (VNI 1..16777215) parses so
 * that a daemon without VXLAN support can reject it explicitly instead of failing to parse.
 * Anything else, including CloudStack's {@code vlan://untagged} and {@code pvlan://}, is rejected.
 */
public final class Segment {
  /** The segment technologies the contract knows. */
  public enum Type {
    VLAN("vlan", 4094),
    VXLAN("vxlan", 16_777_215);

    private final String scheme;
    private final int maxId;

    Type(String scheme, int maxId) {
      this.scheme = scheme;
      this.maxId = maxId;
    }

    public String scheme() {
      return scheme;
    }

    public int maxId() {
      return maxId;
    }
  }

  private static final String EXPECTED = "expected vlan://<1..4094> or vxlan://<1..16777215>, got ";

  private final Type type;
  private final int id;

  private Segment(Type type, int id) {
    this.type = type;
    this.id = Check.range(type.scheme(), id, 1, type.maxId());
  }

  public static Segment vlan(int id) {
    return new Segment(Type.VLAN, id);
  }

  public static Segment vxlan(int vni) {
    return new Segment(Type.VXLAN, vni);
  }

  /** Parses a broadcast URI; errors name the field {@code segment}. */
  public static Segment parse(String uri) {
    Check.present("segment", uri);
    int separator = uri.indexOf("://");
    if (separator < 0) {
      throw new ValidationException("segment", EXPECTED + Check.quote(uri));
    }
    Type type = typeOf(uri.substring(0, separator), uri);
    String digits = uri.substring(separator + 3);
    if (type == Type.VLAN && digits.equals("untagged")) {
      throw new ValidationException("segment",
          "expected a tagged vlan://<1..4094>, got untagged (no VLAN to configure)");
    }
    if (!Check.isCanonicalDecimal(digits, 10)) {
      throw new ValidationException("segment", "expected a decimal " + type.scheme()
          + " id without sign or leading zeros, got " + Check.quote(uri));
    }
    long id = Long.parseLong(digits);
    if (id < 1 || id > type.maxId()) {
      throw new ValidationException("segment",
          "expected " + type.scheme() + " id 1.." + type.maxId() + ", got " + id);
    }
    return new Segment(type, (int) id);
  }

  private static Type typeOf(String scheme, String uri) {
    for (Type type : Type.values()) {
      if (type.scheme().equals(scheme)) {
        return type;
      }
    }
    throw new ValidationException("segment", EXPECTED + Check.quote(uri));
  }

  public Type type() {
    return type;
  }

  /** The VLAN id or VXLAN VNI. */
  public int id() {
    return id;
  }

  /** The broadcast URI, e.g. {@code vlan://100}: the inverse of {@link #parse(String)}. */
  public String uri() {
    return type.scheme() + "://" + id;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Segment)) {
      return false;
    }
    Segment that = (Segment) other;
    return type == that.type && id == that.id;
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, id);
  }

  @Override
  public String toString() {
    return uri();
  }
}
