package org.linuxrouter.protocol.model;

/**
 * How the router answers ARP/NDP on its uplink for the public addresses it routes into a network.
 */
public enum ProxyMode {
  /**
   * One proxy neighbour entry and one host route per NIC address (the default): the router answers
   * only for addresses CloudStack assigned, so a guest cannot capture its neighbours' traffic.
   */
  PER_ADDRESS("per-address"),
  /**
   * Interface-wide {@code proxy_arp}/{@code proxy_ndp} on the uplink: fewer kernel objects, but the
   * router answers for every address it has a route to.
   */
  INTERFACE("interface");

  private final String wireName;

  ProxyMode(String wireName) {
    this.wireName = wireName;
  }

  /** The JSON spelling, e.g. {@code per-address}. */
  public String wireName() {
    return wireName;
  }

  /** The mode spelled {@code text} on the wire; errors name {@code field}. */
  public static ProxyMode fromWireName(String field, String text) {
    for (ProxyMode mode : values()) {
      if (mode.wireName.equals(text)) {
        return mode;
      }
    }
    throw new ValidationException(field, "expected per-address or interface, got "
        + (text == null ? "none" : Check.quote(text)));
  }
}
