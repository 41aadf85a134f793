package org.linuxrouter.protocol.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The router as a whole, as {@code GET /v1/status} returns it: daemon version, how many networks and
 * NICs it holds, when the reconciler last finished a full pass, and which networks drifted (the
 * kernel no longer matched the desired state at that pass and had to be repaired or could not be), and
 * the state of the dnsmasq serving guest DHCP and DNS ({@code off} when the service is configured off,
 * {@code idle} when no network uses it, {@code running}, {@code restarting} after it died) with the number of
 * times it died and was started again.
 * It also carries the state of the metadata (ports 80/8080) and nftables anti-spoofing services, both
 * {@link ServiceState#OFF} unless the daemon reports them.
 */
public final class RouterStatus {
  public static final int MAX_DRIFTED = 4096;

  private final String version;
  private final int networks;
  private final int nics;
  private final Instant lastReconcile;
  private final List<Uuid> drifted;
  private final PairState pair;
  private final String dnsmasq;
  private final long dnsmasqRestarts;
  private final ServiceState metadata;
  private final ServiceState antiSpoofing;

  private RouterStatus(Builder builder) {
    this.pair = builder.pair;
    this.version = Check.text("version", builder.version, 1, 64);
    this.networks = Check.range("networks", builder.networks, 0, Integer.MAX_VALUE);
    this.nics = Check.range("nics", builder.nics, 0, Integer.MAX_VALUE);
    this.lastReconcile = builder.lastReconcile;
    this.drifted = Check.uniqueList("drifted", builder.drifted, MAX_DRIFTED, u -> u);
    this.dnsmasq = builder.dnsmasq == null ? null : Check.text("dnsmasq", builder.dnsmasq, 1, 32);
    this.dnsmasqRestarts = Check.range("dnsmasqRestarts", builder.dnsmasqRestarts, 0, Long.MAX_VALUE);
    this.metadata = Check.present("metadata", builder.metadata);
    this.antiSpoofing = Check.present("antiSpoofing", builder.antiSpoofing);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder newBuilder() {
    return new Builder(this);
  }

  /** The daemon's version, e.g. {@code 0.1.0}. */
  public String version() {
    return version;
  }

  /** Number of networks held. */
  public int networks() {
    return networks;
  }

  /** Number of NICs held, across all networks. */
  public int nics() {
    return nics;
  }

  /** When the last full reconcile pass finished; absent before the first one. */
  public Optional<Instant> lastReconcile() {
    return Optional.ofNullable(lastReconcile);
  }

  /** Networks whose kernel state differed from desired at the last pass (unmodifiable). */
  public List<Uuid> drifted() {
    return drifted;
  }

  /** The router's VRRP role and its history; absent when the router is not one of a pair. */
  public Optional<PairState> pair() {
    return Optional.ofNullable(pair);
  }

  /** The guest DHCP/DNS dnsmasq: off, idle, running or restarting; absent from daemons that predate it. */
  public Optional<String> dnsmasq() {
    return Optional.ofNullable(dnsmasq);
  }

  /** How often the dnsmasq died and was started again since the daemon started. */
  public long dnsmasqRestarts() {
    return dnsmasqRestarts;
  }

  /** The metadata, user data and password service on ports 80 and 8080. */
  public ServiceState metadata() {
    return metadata;
  }

  /** The nftables anti-spoofing table on the guest interfaces. */
  public ServiceState antiSpoofing() {
    return antiSpoofing;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof RouterStatus)) {
      return false;
    }
    RouterStatus that = (RouterStatus) other;
    return version.equals(that.version) && networks == that.networks && nics == that.nics
        && Objects.equals(lastReconcile, that.lastReconcile) && drifted.equals(that.drifted)
        && Objects.equals(pair, that.pair)
        && Objects.equals(dnsmasq, that.dnsmasq) && dnsmasqRestarts == that.dnsmasqRestarts
        && metadata == that.metadata && antiSpoofing == that.antiSpoofing;
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, networks, nics, lastReconcile, drifted, pair, dnsmasq, dnsmasqRestarts, metadata,
        antiSpoofing);
  }

  @Override
  public String toString() {
    return "RouterStatus{version=" + version + ", networks=" + networks + ", nics=" + nics
        + ", lastReconcile=" + lastReconcile + ", drifted=" + drifted + ", pair=" + pair + ", dnsmasq=" + dnsmasq
        + ", dnsmasqRestarts=" + dnsmasqRestarts + ", metadata=" + metadata.wireName() + ", antiSpoofing="
        + antiSpoofing.wireName() + "}";
  }

  /** Collects fields; {@link #build()} validates them all. */
  public static final class Builder {
    private String version;
    private int networks;
    private int nics;
    private Instant lastReconcile;
    private List<Uuid> drifted = new ArrayList<>();
    private PairState pair;
    private String dnsmasq;
    private long dnsmasqRestarts;
    private ServiceState metadata = ServiceState.OFF;
    private ServiceState antiSpoofing = ServiceState.OFF;

    private Builder() {
    }

    private Builder(RouterStatus status) {
      this.version = status.version;
      this.networks = status.networks;
      this.nics = status.nics;
      this.lastReconcile = status.lastReconcile;
      this.drifted = new ArrayList<>(status.drifted);
      this.pair = status.pair;
      this.metadata = status.metadata;
      this.antiSpoofing = status.antiSpoofing;
      this.dnsmasq = status.dnsmasq;
      this.dnsmasqRestarts = status.dnsmasqRestarts;
    }

    /** The dnsmasq state, or null when not reported. */
    public Builder dnsmasq(String dnsmasq) {
      this.dnsmasq = dnsmasq;
      return this;
    }

    public Builder dnsmasqRestarts(long dnsmasqRestarts) {
      this.dnsmasqRestarts = dnsmasqRestarts;
      return this;
    }

    public Builder version(String version) {
      this.version = version;
      return this;
    }

    public Builder networks(int networks) {
      this.networks = networks;
      return this;
    }

    public Builder nics(int nics) {
      this.nics = nics;
      return this;
    }

    /** When the last full pass finished, or null if none has. */
    public Builder lastReconcile(Instant lastReconcile) {
      this.lastReconcile = lastReconcile;
      return this;
    }

    /** Replaces the drifted network list. */
    public Builder drifted(List<Uuid> drifted) {
      this.drifted = drifted == null ? null : new ArrayList<>(drifted);
      return this;
    }

    /** The pair state, or null for a router on its own. */
    public Builder pair(PairState pair) {
      this.pair = pair;
      return this;
    }

    public Builder metadata(ServiceState metadata) {
      this.metadata = metadata;
      return this;
    }

    public Builder antiSpoofing(ServiceState antiSpoofing) {
      this.antiSpoofing = antiSpoofing;
      return this;
    }

    public RouterStatus build() {
      return new RouterStatus(this);
    }
  }
}
