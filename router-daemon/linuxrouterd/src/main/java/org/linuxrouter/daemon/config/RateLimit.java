package org.linuxrouter.daemon.config;

/**
 * A token bucket per client address: {@code perSecond} tokens are added each second, at most {@code burst} are
 * kept, and each request spends one.
 */
public record RateLimit(int perSecond, int burst) {
  public static final int MAX = 1_000_000;

  public RateLimit {
    if (perSecond < 1 || perSecond > MAX) {
      throw new IllegalArgumentException("rate limit per second: expected 1.." + MAX + ", got " + perSecond);
    }
    if (burst < 1 || burst > MAX) {
      throw new IllegalArgumentException("rate limit burst: expected 1.." + MAX + ", got " + burst);
    }
  }
}
