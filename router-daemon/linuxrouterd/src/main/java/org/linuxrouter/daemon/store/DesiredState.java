package org.linuxrouter.daemon.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.PasswordAck;
import org.linuxrouter.protocol.model.Uuid;

/**
 * Everything CloudStack asked this router to configure: networks by UUID, the NICs' tombstones of consumed one-time
 * passwords ({@link ConsumedPassword}, by NIC UUID, also for a NIC or network not here yet), and a revision that
 * grows by one with every change. Immutable; each {@code with...} returns a new state, or this same state when the request changes
 * nothing (CloudStack resending a spec must not look like a change).
 *
 * <p>Invariants: every network is stored under its own UUID, no network's revision is newer than the state's,
 * and no two NICs claim one address (anywhere) or one MAC (within a network), see {@link ConflictException}.
 */
public record DesiredState(long revision, Map<Uuid, NetworkRecord> networks, Map<Uuid, ConsumedPassword> consumed) {
  /** The state of a router nothing was configured on yet. */
  public static final DesiredState EMPTY = new DesiredState(0, Map.of());
  /** Tombstones kept at most; past it the oldest goes (a NIC that old is long started or gone). */
  static final int MAX_CONSUMED = 100_000;

  /** A state without tombstones. */
  public DesiredState(long revision, Map<Uuid, NetworkRecord> networks) {
    this(revision, networks, Map.of());
  }

  public DesiredState {
    if (revision < 0) {
      throw new IllegalArgumentException("desired state: expected a revision of 0 or more, got " + revision);
    }
    networks = NetworkRecord.sortedCopy(Objects.requireNonNull(networks, "networks"));
    for (Map.Entry<Uuid, NetworkRecord> entry : networks.entrySet()) {
      NetworkRecord network = entry.getValue();
      if (!entry.getKey().equals(network.uuid())) {
        throw new IllegalArgumentException("desired state: expected network " + entry.getKey()
            + " under its own uuid, got network " + network.uuid());
      }
      if (network.revision() > revision) {
        throw new IllegalArgumentException("network " + network.uuid() + ": expected a revision up to "
            + revision + ", got " + network.revision());
      }
    }
    Claims.check(networks);
    consumed = NetworkRecord.sortedCopy(Objects.requireNonNull(consumed, "consumed"));
    for (Map.Entry<Uuid, ConsumedPassword> entry : consumed.entrySet()) {
      if (entry.getValue().revision() > revision) {
        throw new IllegalArgumentException("consumed password of nic " + entry.getKey() + ": expected a revision up"
            + " to " + revision + ", got " + entry.getValue().revision());
      }
    }
  }

  /** The tombstone of the NIC's last consumed password, if any. */
  public Optional<PasswordAck> consumedPassword(Uuid nic) {
    return Optional.ofNullable(consumed.get(nic)).map(ConsumedPassword::ack);
  }

  /**
   * Records that the NIC's password with digest {@code ack} was fetched and acknowledged (replacing an older
   * tombstone of the NIC); the network need not exist here yet. The same tombstone again changes nothing.
   */
  public DesiredState withConsumedPassword(Uuid network, Uuid nic, PasswordAck ack) {
    ConsumedPassword current = consumed.get(nic);
    if (current != null && current.ack().equals(ack) && current.network().equals(network)) {
      return this;
    }
    long next = revision + 1;
    Map<Uuid, ConsumedPassword> changed = new LinkedHashMap<>(consumed);
    changed.put(nic, new ConsumedPassword(network, ack, next));
    if (changed.size() > MAX_CONSUMED) {
      changed.entrySet().stream().min(Map.Entry.comparingByValue(
          java.util.Comparator.comparingLong(ConsumedPassword::revision)))
          .ifPresent(oldest -> changed.remove(oldest.getKey()));
    }
    return new DesiredState(next, networks, changed);
  }

  public Optional<NetworkRecord> network(Uuid network) {
    return Optional.ofNullable(networks.get(network));
  }

  /** Adds the network or replaces its spec, keeping its NICs. */
  public DesiredState withNetwork(NetworkSpec spec) {
    NetworkRecord current = networks.get(spec.uuid());
    if (current != null && current.spec().equals(spec)) {
      return this;
    }
    long next = revision + 1;
    return with(current == null ? NetworkRecord.of(spec, next) : current.withSpec(spec, next), next);
  }

  /** Removes the network, its NICs and their tombstones; removing an absent network changes nothing. */
  public DesiredState withoutNetwork(Uuid network) {
    boolean tombstones = consumed.values().stream().anyMatch(c -> c.network().equals(network));
    if (!networks.containsKey(network) && !tombstones) {
      return this;
    }
    Map<Uuid, NetworkRecord> changed = new LinkedHashMap<>(networks);
    changed.remove(network);
    Map<Uuid, ConsumedPassword> kept = new LinkedHashMap<>(consumed);
    kept.values().removeIf(c -> c.network().equals(network));
    return new DesiredState(revision + 1, changed, kept);
  }

  /**
   * Adds or replaces a NIC of an existing network.
   *
   * @throws IllegalArgumentException if the network is not in this state
   * @throws ConflictException if another NIC already claims one of its addresses, or its MAC in this network
   */
  public DesiredState withNic(Uuid network, NicSpec nic) {
    NetworkRecord current = existing(network);
    if (nic.equals(current.nics().get(nic.uuid()))) {
      return this;
    }
    Claims.checkNewcomer(networks, network, nic);
    long next = revision + 1;
    return with(current.withNic(nic, next), next);
  }

  /** Removes a NIC; removing an absent NIC (of an existing network) changes nothing. */
  public DesiredState withoutNic(Uuid network, Uuid nic) {
    NetworkRecord current = existing(network);
    if (!current.nics().containsKey(nic)) {
      return this;
    }
    long next = revision + 1;
    return with(current.withoutNic(nic, next), next);
  }

  private NetworkRecord existing(Uuid network) {
    NetworkRecord current = networks.get(network);
    if (current == null) {
      throw new IllegalArgumentException("network " + network + ": expected an existing network, got none");
    }
    return current;
  }

  private DesiredState with(NetworkRecord record, long next) {
    Map<Uuid, NetworkRecord> changed = new LinkedHashMap<>(networks);
    changed.put(record.uuid(), record);
    return new DesiredState(next, changed, consumed);
  }
}
