package org.linuxrouter.protocol.model;

/** How a VXLAN network floods broadcast, multicast and unknown unicast to the other tunnel endpoints. */
public enum VxlanMode {
  /**
   * One multicast group per VNI on the underlay, exactly as CloudStack's default KVM script
   * {@code modifyvxlan.sh} builds it: group 239.(VNI>>16 % 256).(VNI>>8 % 256).(VNI % 256), TTL 10, a /32
   * route for the group on the underlay, the kernel's default UDP port (8472).
   */
  MULTICAST("multicast"),
  /**
   * No multicast in the fabric: a static list of VTEP addresses, each an all-zero forwarding entry (head-end
   * replication), UDP port 4789 as CloudStack's {@code modifyvxlan-evpn.sh}.
   */
  UNICAST("unicast");

  private final String wireName;

  VxlanMode(String wireName) {
    this.wireName = wireName;
  }

  /** The JSON spelling. */
  public String wireName() {
    return wireName;
  }

  /** The mode spelled {@code text}; errors name {@code field}. */
  public static VxlanMode fromWireName(String field, String text) {
    for (VxlanMode mode : values()) {
      if (mode.wireName.equals(text)) {
        return mode;
      }
    }
    throw new ValidationException(field, "expected multicast or unicast, got "
        + (text == null ? "none" : Check.quote(text)));
  }
}
