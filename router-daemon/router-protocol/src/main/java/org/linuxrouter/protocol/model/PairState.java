package org.linuxrouter.protocol.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * This router's place in a router pair, as {@code GET /v1/status} reports it: the VRRP role keepalived last
 * reported, how many role changes it had since the daemon started and when the last one was, how often keepalived
 * had to be restarted, and why the newest keepalived configuration was refused, if it was.
 */
public final class PairState {
  /** The roles of keepalived's VRRP instance; UNKNOWN until keepalived first reports. */
  public enum Role { UNKNOWN, MASTER, BACKUP, FAULT, STOP }

  private final Role role;
  private final long transitions;
  private final Instant lastTransition;
  private final long keepalivedRestarts;
  private final String configError;

  private PairState(Role role, long transitions, Instant lastTransition, long keepalivedRestarts,
      String configError) {
    this.role = Check.present("role", role);
    this.transitions = Check.range("transitions", transitions, 0, Long.MAX_VALUE);
    this.lastTransition = lastTransition;
    this.keepalivedRestarts = Check.range("keepalivedRestarts", keepalivedRestarts, 0, Long.MAX_VALUE);
    this.configError = configError == null ? null : Check.text("configError", configError, 1, 4096);
  }

  /** Validates every field; {@code lastTransition} and {@code configError} may be null (absent). */
  public static PairState of(Role role, long transitions, Instant lastTransition, long keepalivedRestarts,
      String configError) {
    return new PairState(role, transitions, lastTransition, keepalivedRestarts, configError);
  }

  /** Parses a role's wire name (its upper-case name); errors name {@code field}. */
  public static Role role(String field, String text) {
    for (Role r : Role.values()) {
      if (r.name().equals(text)) {
        return r;
      }
    }
    throw new ValidationException(field, "expected one of UNKNOWN, MASTER, BACKUP, FAULT, STOP, got "
        + Check.quote(text));
  }

  public Role role() {
    return role;
  }

  public long transitions() {
    return transitions;
  }

  public Optional<Instant> lastTransition() {
    return Optional.ofNullable(lastTransition);
  }

  public long keepalivedRestarts() {
    return keepalivedRestarts;
  }

  public Optional<String> configError() {
    return Optional.ofNullable(configError);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof PairState)) {
      return false;
    }
    PairState that = (PairState) other;
    return role == that.role && transitions == that.transitions && keepalivedRestarts == that.keepalivedRestarts
        && Objects.equals(lastTransition, that.lastTransition) && Objects.equals(configError, that.configError);
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, transitions, lastTransition, keepalivedRestarts, configError);
  }

  @Override
  public String toString() {
    return "PairState{role=" + role + ", transitions=" + transitions + ", lastTransition=" + lastTransition
        + ", keepalivedRestarts=" + keepalivedRestarts + ", configError=" + configError + "}";
  }
}
