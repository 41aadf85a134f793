package org.linuxrouter.protocol.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * This router's place in a router pair, as {@code GET /v1/status} reports it: the VRRP role keepalived last
 * reported, how many role changes it had since the daemon started and when the last one was, how often keepalived
 * had to be restarted, and why the newest keepalived configuration was refused, if it was. With a peer channel
 * configured it also carries what this router sees of the other one ({@link PeerState}) and whether both are MASTER
 * at once ({@link #splitBrain()}). A daemon that knows its takeover mode reports it ({@link #takeover()}), and in
 * gate mode whether its standby gate is open ({@link #gateOpen()}), and whether it is a sticky master
 * ({@link #sticky()}).
 */
public final class PairState {
  /** The roles of keepalived's VRRP instance; UNKNOWN until keepalived first reports. */
  public enum Role { UNKNOWN, MASTER, BACKUP, FAULT, STOP }

  /** How the new master takes over the gateways ({@code vrrp_takeover}); the wire name is the lower-case name. */
  public enum Takeover {
    ADDRESSES, GATE;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a wire name; errors name {@code field}. */
    public static Takeover parse(String field, String text) {
      for (Takeover t : values()) {
        if (t.wireName().equals(text)) {
          return t;
        }
      }
      throw new ValidationException(field, "expected addresses or gate, got " + Check.quote(text));
    }
  }

  private final Role role;
  private final long transitions;
  private final Instant lastTransition;
  private final long keepalivedRestarts;
  private final String configError;
  private final boolean splitBrain;
  private final PeerState peer;
  private final Takeover takeover;
  private final Boolean gateOpen;
  private final Boolean sticky;

  private PairState(Role role, long transitions, Instant lastTransition, long keepalivedRestarts,
      String configError, boolean splitBrain, PeerState peer, Takeover takeover, Boolean gateOpen, Boolean sticky) {
    this.role = Check.present("role", role);
    this.transitions = Check.range("transitions", transitions, 0, Long.MAX_VALUE);
    this.lastTransition = lastTransition;
    this.keepalivedRestarts = Check.range("keepalivedRestarts", keepalivedRestarts, 0, Long.MAX_VALUE);
    this.configError = configError == null ? null : Check.text("configError", configError, 1, 4096);
    if (splitBrain && peer == null) {
      throw new ValidationException("splitBrain", "expected a peer to be both MASTER with, got no peer");
    }
    this.splitBrain = splitBrain;
    this.peer = peer;
    if ((gateOpen != null) != (takeover == Takeover.GATE)) {
      throw new ValidationException("gate", "expected a gate state exactly in gate mode, got "
          + (gateOpen == null ? "none" : gateOpen ? "open" : "closed") + " with takeover " + takeover);
    }
    this.takeover = takeover;
    this.gateOpen = gateOpen;
    if (Boolean.TRUE.equals(sticky) && role != Role.MASTER) {
      throw new ValidationException("sticky", "expected a sticky router to be MASTER, got " + role);
    }
    this.sticky = sticky;
  }

  /** Validates every field; {@code lastTransition} and {@code configError} may be null (absent). */
  public static PairState of(Role role, long transitions, Instant lastTransition, long keepalivedRestarts,
      String configError) {
    return new PairState(role, transitions, lastTransition, keepalivedRestarts, configError, false, null, null,
        null, null);
  }

  /** Every field; {@code splitBrain} needs a {@code peer} (only the peer channel can tell). */
  public static PairState of(Role role, long transitions, Instant lastTransition, long keepalivedRestarts,
      String configError, boolean splitBrain, PeerState peer) {
    return new PairState(role, transitions, lastTransition, keepalivedRestarts, configError, splitBrain, peer,
        null, null, null);
  }

  /** This state with what the peer channel saw: the peer, and whether both routers are MASTER now. */
  public PairState withPeer(boolean splitBrain, PeerState peer) {
    return new PairState(role, transitions, lastTransition, keepalivedRestarts, configError, splitBrain,
        Check.present("peer", peer), takeover, gateOpen, sticky);
  }

  /**
   * This state with the takeover mode and, in gate mode ({@code gateOpen} non-null exactly then), whether the
   * standby gate is open.
   */
  public PairState withTakeover(Takeover mode, Boolean gateOpen) {
    return new PairState(role, transitions, lastTransition, keepalivedRestarts, configError, splitBrain, peer,
        Check.present("takeover", mode), gateOpen, sticky);
  }

  /**
   * This state with whether this router is a sticky master: MASTER long enough that its advertised priority is
   * raised over any returning router's (no preemption; docs/architecture.md, "Priority and stickiness").
   */
  public PairState withSticky(boolean isSticky) {
    return new PairState(role, transitions, lastTransition, keepalivedRestarts, configError, splitBrain, peer,
        takeover, gateOpen, isSticky);
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

  /**
   * True while this router and its peer both report MASTER (the VRRP link between them is cut): both hold the
   * gateways. Only known with a peer channel; clears when VRRP elects one master again.
   */
  public boolean splitBrain() {
    return splitBrain;
  }

  /** The other router as the peer channel sees it; absent without {@code pair_peer_url}. */
  public Optional<PeerState> peer() {
    return Optional.ofNullable(peer);
  }

  /** The takeover mode; absent when the daemon did not say. */
  public Optional<Takeover> takeover() {
    return Optional.ofNullable(takeover);
  }

  /** In gate mode: whether the standby gate is open (this router answers on its guest links). */
  public Optional<Boolean> gateOpen() {
    return Optional.ofNullable(gateOpen);
  }

  /** Whether this router is a sticky master; absent when the daemon did not say. */
  public Optional<Boolean> sticky() {
    return Optional.ofNullable(sticky);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof PairState)) {
      return false;
    }
    PairState that = (PairState) other;
    return role == that.role && transitions == that.transitions && keepalivedRestarts == that.keepalivedRestarts
        && Objects.equals(lastTransition, that.lastTransition) && Objects.equals(configError, that.configError)
        && splitBrain == that.splitBrain && Objects.equals(peer, that.peer) && takeover == that.takeover
        && Objects.equals(gateOpen, that.gateOpen) && Objects.equals(sticky, that.sticky);
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, transitions, lastTransition, keepalivedRestarts, configError, splitBrain, peer,
        takeover, gateOpen, sticky);
  }

  @Override
  public String toString() {
    return "PairState{role=" + role + ", transitions=" + transitions + ", lastTransition=" + lastTransition
        + ", keepalivedRestarts=" + keepalivedRestarts + ", configError=" + configError + ", splitBrain="
        + splitBrain + ", peer=" + peer + ", takeover=" + takeover + ", gateOpen=" + gateOpen + ", sticky=" + sticky + "}";
  }
}
