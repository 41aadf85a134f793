package org.linuxrouter.protocol.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The other router of a pair as this one sees it over the peer channel ({@code pair_peer_url}): whether its API
 * answered the last poll, the VRRP role it reported, when it last answered, why the last poll or delivery failed,
 * how many password acknowledgements still wait to be delivered to it, and how often both routers were seen MASTER
 * at once (split brain) since the daemon started.
 */
public final class PeerState {
  private final boolean reachable;
  private final PairState.Role role;
  private final Instant lastContact;
  private final String error;
  private final long pendingForgets;
  private final long splitBrains;

  private PeerState(boolean reachable, PairState.Role role, Instant lastContact, String error, long pendingForgets,
      long splitBrains) {
    this.reachable = reachable;
    this.role = role;
    this.lastContact = lastContact;
    this.error = error == null ? null : Check.text("error", error, 1, 4096);
    this.pendingForgets = Check.range("pendingForgets", pendingForgets, 0, Long.MAX_VALUE);
    this.splitBrains = Check.range("splitBrains", splitBrains, 0, Long.MAX_VALUE);
  }

  /** Validates every field; {@code role}, {@code lastContact} and {@code error} may be null (absent). */
  public static PeerState of(boolean reachable, PairState.Role role, Instant lastContact, String error,
      long pendingForgets, long splitBrains) {
    return new PeerState(reachable, role, lastContact, error, pendingForgets, splitBrains);
  }

  /** Whether the peer's API answered the last poll. */
  public boolean reachable() {
    return reachable;
  }

  /** The role the peer reported at its last answer; absent before the first answer. */
  public Optional<PairState.Role> role() {
    return Optional.ofNullable(role);
  }

  public Optional<Instant> lastContact() {
    return Optional.ofNullable(lastContact);
  }

  /** Why the last poll or delivery failed; absent while the peer answers. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /** Password acknowledgements in the outbox, not yet accepted by the peer. */
  public long pendingForgets() {
    return pendingForgets;
  }

  /** Split brains detected since the daemon started. */
  public long splitBrains() {
    return splitBrains;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof PeerState)) {
      return false;
    }
    PeerState that = (PeerState) other;
    return reachable == that.reachable && role == that.role && Objects.equals(lastContact, that.lastContact)
        && Objects.equals(error, that.error) && pendingForgets == that.pendingForgets
        && splitBrains == that.splitBrains;
  }

  @Override
  public int hashCode() {
    return Objects.hash(reachable, role, lastContact, error, pendingForgets, splitBrains);
  }

  @Override
  public String toString() {
    return "PeerState{reachable=" + reachable + ", role=" + role + ", lastContact=" + lastContact + ", error="
        + error + ", pendingForgets=" + pendingForgets + ", splitBrains=" + splitBrains + "}";
  }
}
