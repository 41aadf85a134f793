package org.linuxrouter.protocol.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One change the reconciler would make to the kernel, as {@code GET /v1/plan} lists it: the network it
 * serves (absent for host-wide work such as a sysctl, written {@code ""} on the wire) and a short human
 * description such as {@code create link eth1.100}. The action is text for people, not a command: nothing
 * parses it.
 */
public final class PlannedStep {
  public static final int MAX_ACTION = 512;

  private final Uuid network;
  private final String action;

  private PlannedStep(Builder builder) {
    this.network = builder.network;
    this.action = Check.text("action", builder.action, 1, MAX_ACTION);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder newBuilder() {
    return new Builder(this);
  }

  /** The network this step serves; absent for host-wide steps. */
  public Optional<Uuid> network() {
    return Optional.ofNullable(network);
  }

  /** What would be done, e.g. {@code create link eth1.100}: 1..512 characters, no control characters. */
  public String action() {
    return action;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof PlannedStep)) {
      return false;
    }
    PlannedStep that = (PlannedStep) other;
    return Objects.equals(network, that.network) && action.equals(that.action);
  }

  @Override
  public int hashCode() {
    return Objects.hash(network, action);
  }

  @Override
  public String toString() {
    return "PlannedStep{network=" + (network == null ? "host" : network) + ", action=" + Check.quote(action) + "}";
  }

  /** Collects fields; {@link #build()} validates them all. */
  public static final class Builder {
    private Uuid network;
    private String action;

    private Builder() {
    }

    private Builder(PlannedStep step) {
      this.network = step.network;
      this.action = step.action;
    }

    /** The network served, or null for a host-wide step. */
    public Builder network(Uuid network) {
      this.network = network;
      return this;
    }

    public Builder action(String action) {
      this.action = action;
      return this;
    }

    public PlannedStep build() {
      return new PlannedStep(this);
    }
  }
}
