package org.linuxrouter.protocol.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Nonces seen inside the replay window, with bounded memory. Each nonce is kept until its request's
 * timestamp leaves the window (the verifier passes that instant), because after that the timestamp
 * check alone rejects a replay. When {@code capacity} live nonces are held, new ones are refused
 * rather than evicting live ones: evicting would reopen the replay window, refusing only delays a
 * client that already sends more than capacity requests per window. Thread-safe.
 */
public final class NonceCache {
  /** Outcome of {@link #claim}. */
  public enum Claim {
    /** First use: the nonce is now recorded. */
    ACCEPTED,
    /** Seen before inside the window. */
    REPLAYED,
    /** The cache holds {@code capacity} live nonces; nothing was recorded. */
    FULL
  }

  private static final class Entry implements Comparable<Entry> {
    final String nonce;
    final long expiresAt;

    Entry(String nonce, long expiresAt) {
      this.nonce = nonce;
      this.expiresAt = expiresAt;
    }

    @Override
    public int compareTo(Entry other) {
      return Long.compare(expiresAt, other.expiresAt);
    }
  }

  private final int capacity;
  private final Map<String, Long> expiries = new HashMap<>();
  private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>();

  public NonceCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity: expected at least 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Records {@code nonce} until {@code expiresAt} (epoch seconds) unless it is already live at
   * {@code now}. Entries whose expiry is at or before {@code now} are dropped first.
   */
  public synchronized Claim claim(String nonce, long expiresAt, long now) {
    evictExpired(now);
    if (expiries.containsKey(nonce)) {
      return Claim.REPLAYED;
    }
    if (expiries.size() >= capacity) {
      return Claim.FULL;
    }
    expiries.put(nonce, expiresAt);
    byExpiry.add(new Entry(nonce, expiresAt));
    return Claim.ACCEPTED;
  }

  /** Live nonces held now (after dropping expired ones). */
  public synchronized int size(long now) {
    evictExpired(now);
    return expiries.size();
  }

  private void evictExpired(long now) {
    while (!byExpiry.isEmpty() && byExpiry.peek().expiresAt <= now) {
      expiries.remove(byExpiry.poll().nonce);
    }
  }
}
