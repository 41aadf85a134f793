package org.linuxrouter.protocol.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the router did with a network's desired state. Every accepted change to the spec or its NICs
 * bumps {@code desiredRevision}; the reconciler sets {@code appliedRevision} once the kernel matches
 * it. {@code appliedRevision < desiredRevision} means work is pending or failing ({@code lastError}).
 */
public final class NetworkStatus {
  public static final int MAX_CONDITIONS = 32;

  private final long desiredRevision;
  private final long appliedRevision;
  private final List<Condition> conditions;
  private final String lastError;

  private NetworkStatus(Builder builder) {
    this.desiredRevision = Check.range("desiredRevision", builder.desiredRevision, 1, Long.MAX_VALUE);
    this.appliedRevision = Check.range("appliedRevision", builder.appliedRevision, 0, desiredRevision);
    this.conditions = Check.uniqueList("conditions", builder.conditions, MAX_CONDITIONS, Condition::type);
    this.lastError = builder.lastError == null ? null : Check.text("lastError", builder.lastError, 1, 4096);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder newBuilder() {
    return new Builder(this);
  }

  public long desiredRevision() {
    return desiredRevision;
  }

  public long appliedRevision() {
    return appliedRevision;
  }

  /** Whether the kernel matched the latest desired revision at the last reconcile. */
  public boolean isApplied() {
    return appliedRevision == desiredRevision;
  }

  /** Conditions, at most one per type (unmodifiable). */
  public List<Condition> conditions() {
    return conditions;
  }

  public Optional<Condition> condition(String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }

  /** Why the last reconcile of this network failed, if it did. */
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof NetworkStatus)) {
      return false;
    }
    NetworkStatus that = (NetworkStatus) other;
    return desiredRevision == that.desiredRevision && appliedRevision == that.appliedRevision
        && conditions.equals(that.conditions) && Objects.equals(lastError, that.lastError);
  }

  @Override
  public int hashCode() {
    return Objects.hash(desiredRevision, appliedRevision, conditions, lastError);
  }

  @Override
  public String toString() {
    return "NetworkStatus{desiredRevision=" + desiredRevision + ", appliedRevision=" + appliedRevision
        + ", conditions=" + conditions + ", lastError=" + (lastError == null ? null : Check.quote(lastError)) + "}";
  }

  /** Collects fields; {@link #build()} validates them all. */
  public static final class Builder {
    private long desiredRevision;
    private long appliedRevision;
    private List<Condition> conditions = new ArrayList<>();
    private String lastError;

    private Builder() {
    }

    private Builder(NetworkStatus status) {
      this.desiredRevision = status.desiredRevision;
      this.appliedRevision = status.appliedRevision;
      this.conditions = new ArrayList<>(status.conditions);
      this.lastError = status.lastError;
    }

    public Builder desiredRevision(long desiredRevision) {
      this.desiredRevision = desiredRevision;
      return this;
    }

    public Builder appliedRevision(long appliedRevision) {
      this.appliedRevision = appliedRevision;
      return this;
    }

    /** Replaces the conditions. */
    public Builder conditions(List<Condition> conditions) {
      this.conditions = conditions == null ? null : new ArrayList<>(conditions);
      return this;
    }

    /** The last reconcile error, or null if the last reconcile succeeded. */
    public Builder lastError(String lastError) {
      this.lastError = lastError;
      return this;
    }

    public NetworkStatus build() {
      return new NetworkStatus(this);
    }
  }
}
