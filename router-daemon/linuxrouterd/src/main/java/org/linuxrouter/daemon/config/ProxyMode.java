package org.linuxrouter.daemon.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a VM's public address is made reachable from the uplink (router-anchors §5.2). */
public enum ProxyMode {
  /** One {@code ip neigh add proxy ADDR dev UPLINK} entry per VM address: answers only for addresses we route. */
  PER_ADDRESS("per-address"),
  /** {@code proxy_arp = 1} on the interface: answers for anything routed elsewhere, coarser but entry-free. */
  INTERFACE("interface");

  private final String word;

  ProxyMode(String word) {
    this.word = word;
  }

  /** The spelling used in the configuration file. */
  public String word() {
    return word;
  }

  static ProxyMode parse(String text) {
    for (ProxyMode mode : values()) {
      if (mode.word.equals(text)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("one of " + Arrays.stream(values()).map(ProxyMode::word)
        .collect(Collectors.joining("|")));
  }
}
