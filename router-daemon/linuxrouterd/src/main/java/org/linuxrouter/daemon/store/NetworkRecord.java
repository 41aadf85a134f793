package org.linuxrouter.daemon.store;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Uuid;

/**
 * One network's desired state: its spec, its NICs by NIC UUID, and the {@link DesiredState#revision()} at which
 * any of it last changed (what the reconciler reports as the revision it has applied).
 */
public record NetworkRecord(NetworkSpec spec, Map<Uuid, NicSpec> nics, long revision) {
  public NetworkRecord {
    Objects.requireNonNull(spec, "spec");
    nics = sortedCopy(Objects.requireNonNull(nics, "nics"));
    nics.forEach((uuid, nic) -> {
      if (!uuid.equals(nic.uuid())) {
        throw new IllegalArgumentException("network " + spec.uuid() + ": expected nic " + uuid
            + " under its own uuid, got nic " + nic.uuid());
      }
    });
    if (revision < 1) {
      throw new IllegalArgumentException("network " + spec.uuid() + ": expected a revision of 1 or more, got "
          + revision);
    }
  }

  /** A network without NICs, first stored at {@code revision}. */
  public static NetworkRecord of(NetworkSpec spec, long revision) {
    return new NetworkRecord(spec, Map.of(), revision);
  }

  public Uuid uuid() {
    return spec.uuid();
  }

  public Optional<NicSpec> nic(Uuid nic) {
    return Optional.ofNullable(nics.get(nic));
  }

  public NetworkRecord withSpec(NetworkSpec newSpec, long newRevision) {
    if (!newSpec.uuid().equals(spec.uuid())) {
      throw new IllegalArgumentException("network " + spec.uuid() + ": expected a spec with the same uuid, got "
          + newSpec.uuid());
    }
    return new NetworkRecord(newSpec, nics, newRevision);
  }

  public NetworkRecord withNic(NicSpec nic, long newRevision) {
    Map<Uuid, NicSpec> changed = new LinkedHashMap<>(nics);
    changed.put(nic.uuid(), nic);
    return new NetworkRecord(spec, changed, newRevision);
  }

  public NetworkRecord withoutNic(Uuid nic, long newRevision) {
    Map<Uuid, NicSpec> changed = new LinkedHashMap<>(nics);
    changed.remove(nic);
    return new NetworkRecord(spec, changed, newRevision);
  }

  /** Unmodifiable and ordered by UUID, so iteration (and the state file) is the same on every run. */
  static <V> Map<Uuid, V> sortedCopy(Map<Uuid, V> map) {
    Map<Uuid, V> sorted = new LinkedHashMap<>();
    map.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.comparing(Uuid::value)))
        .forEach(e -> sorted.put(Objects.requireNonNull(e.getKey(), "uuid"),
            Objects.requireNonNull(e.getValue(), "value of " + e.getKey())));
    return Collections.unmodifiableMap(sorted);
  }
}
