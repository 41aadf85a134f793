package org.linuxrouter.protocol.model;

/**
 * A service the router gives the VMs of a network in place of CloudStack's virtual router, enabled per network
 * because the offering decides which provider gives it (Dhcp, Dns and UserData in CloudStack's terms).
 */
public enum GuestService {
  /** Static DHCP leases for the registered NICs. */
  DHCP("dhcp"),
  /** A resolver on the gateway: VM host names, data-server, forwarding to the zone's resolvers. */
  DNS("dns"),
  /** Metadata, user data and the password server on the gateway address. */
  USERDATA("userdata");

  private final String wireName;

  GuestService(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static GuestService fromWireName(String field, String text) {
    for (GuestService service : values()) {
      if (service.wireName.equals(text)) {
        return service;
      }
    }
    throw new ValidationException(field, "expected dhcp, dns or userdata, got "
        + (text == null ? "none" : Check.quote(text)));
  }
}
