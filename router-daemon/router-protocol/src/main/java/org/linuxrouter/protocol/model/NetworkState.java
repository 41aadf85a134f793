package org.linuxrouter.protocol.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a router holds for one network, as {@code GET /v1/networks/{uuid}} returns it: the spec,
 * its NICs (distinct UUIDs, MACs and addresses across the whole network, because one public address
 * routed to two NICs would be a silent black hole) and the reconcile status.
 */
public final class NetworkState {
  public static final int MAX_NICS = 4096;

  private final NetworkSpec spec;
  private final List<NicSpec> nics;
  private final NetworkStatus status;

  private NetworkState(Builder builder) {
    this.spec = Check.present("spec", builder.spec);
    this.nics = Check.uniqueList("nics", builder.nics, MAX_NICS, NicSpec::uuid);
    this.status = Check.present("status", builder.status);
    requireDistinctMacsAndAddresses(nics);
  }

  private static void requireDistinctMacsAndAddresses(List<NicSpec> nics) {
    Map<Object, Uuid> owners = new HashMap<>();
    for (int i = 0; i < nics.size(); i++) {
      NicSpec nic = nics.get(i);
      claim(owners, nic.mac(), nic, "nics[" + i + "].mac");
      for (IpAddress address : nic.addresses()) {
        claim(owners, address, nic, "nics[" + i + "]." + address.family().label());
      }
    }
  }

  private static void claim(Map<Object, Uuid> owners, Object key, NicSpec nic, String field) {
    Uuid previous = owners.putIfAbsent(key, nic.uuid());
    if (previous != null) {
      throw new ValidationException(field, "expected " + key + " on one nic only, got it on " + previous
          + " and " + nic.uuid());
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder newBuilder() {
    return new Builder(this);
  }

  public NetworkSpec spec() {
    return spec;
  }

  /** The NICs (unmodifiable, in the order given). */
  public List<NicSpec> nics() {
    return nics;
  }

  public Optional<NicSpec> nic(Uuid uuid) {
    return nics.stream().filter(n -> n.uuid().equals(uuid)).findFirst();
  }

  public NetworkStatus status() {
    return status;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof NetworkState)) {
      return false;
    }
    NetworkState that = (NetworkState) other;
    return spec.equals(that.spec) && nics.equals(that.nics) && status.equals(that.status);
  }

  @Override
  public int hashCode() {
    return Objects.hash(spec, nics, status);
  }

  @Override
  public String toString() {
    return "NetworkState{spec=" + spec + ", nics=" + nics + ", status=" + status + "}";
  }

  /** Collects fields; {@link #build()} validates them all. */
  public static final class Builder {
    private NetworkSpec spec;
    private List<NicSpec> nics = new ArrayList<>();
    private NetworkStatus status;

    private Builder() {
    }

    private Builder(NetworkState state) {
      this.spec = state.spec;
      this.nics = new ArrayList<>(state.nics);
      this.status = state.status;
    }

    public Builder spec(NetworkSpec spec) {
      this.spec = spec;
      return this;
    }

    /** Replaces the NICs. */
    public Builder nics(List<NicSpec> nics) {
      this.nics = nics == null ? null : new ArrayList<>(nics);
      return this;
    }

    public Builder status(NetworkStatus status) {
      this.status = status;
      return this;
    }

    public NetworkState build() {
      return new NetworkState(this);
    }
  }
}
