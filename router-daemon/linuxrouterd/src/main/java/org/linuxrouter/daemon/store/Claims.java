package org.linuxrouter.daemon.store;

import java.util.HashMap;
import java.util.Map;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Uuid;

/** Checks that no address is routed to two NICs anywhere, and no MAC appears twice within a network. */
final class Claims {
  private record Owner(Uuid network, Uuid nic) {
    @Override
    public String toString() {
      return "nic " + nic + " of network " + network;
    }
  }

  private Claims() {
  }

  static void check(Map<Uuid, NetworkRecord> networks) {
    Map<IpAddress, Owner> addresses = new HashMap<>();
    for (NetworkRecord network : networks.values()) {
      Map<MacAddress, Owner> macs = new HashMap<>();
      for (NicSpec nic : network.nics().values()) {
        Owner owner = new Owner(network.uuid(), nic.uuid());
        claim(macs, nic.mac(), owner, "mac");
        for (IpAddress address : nic.addresses()) {
          claim(addresses, address, owner, "address");
        }
      }
    }
  }

  /**
   * Checks one NIC about to be stored in {@code network} against every other NIC, so the error names the
   * newcomer (what the client sent) rather than whichever NIC comes first.
   */
  static void checkNewcomer(Map<Uuid, NetworkRecord> networks, Uuid network, NicSpec newcomer) {
    Owner owner = new Owner(network, newcomer.uuid());
    for (NetworkRecord other : networks.values()) {
      for (NicSpec nic : other.nics().values()) {
        if (nic.uuid().equals(newcomer.uuid()) && other.uuid().equals(network)) {
          continue;
        }
        Owner existing = new Owner(other.uuid(), nic.uuid());
        if (other.uuid().equals(network) && nic.mac().equals(newcomer.mac())) {
          throw conflict(owner, "mac", nic.mac(), existing).named("mac");
        }
        for (IpAddress address : newcomer.addresses()) {
          if (nic.addresses().contains(address)) {
            throw conflict(owner, "address", address, existing).named(address.family().label());
          }
        }
      }
    }
  }

  private static <K> void claim(Map<K, Owner> owners, K key, Owner owner, String what) {
    Owner previous = owners.putIfAbsent(key, owner);
    if (previous != null) {
      throw new ConflictException(conflict(owner, what, key, previous).message());
    }
  }

  private static Conflict conflict(Owner owner, String what, Object key, Owner previous) {
    return new Conflict(owner + ": expected " + what + " " + key + " on one nic only, got it on " + previous + " too");
  }

  /** The message, then the request field it is about. */
  private record Conflict(String message) {
    ConflictException named(String field) {
      return new ConflictException(field, message);
    }
  }
}
