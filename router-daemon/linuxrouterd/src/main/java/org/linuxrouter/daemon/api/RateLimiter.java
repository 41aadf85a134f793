package org.linuxrouter.daemon.api;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets per client address: {@code perSecond} sustained, {@code burst} at once. Bounded memory: the least
 * recently seen clients are forgotten past {@link #MAX_CLIENTS} (a forgotten client starts with a full bucket,
 * which only ever errs on the side of serving).
 */
public final class RateLimiter {

    static final int MAX_CLIENTS = 4096;

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, double[]> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    public RateLimiter(double perSecond, int burst, Clock clock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate limit: expected rate > 0 and burst >= 1, got " + perSecond + "/" + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes one token for {@code client}; false means the request must be refused with 429. */
    public synchronized boolean tryAcquire(String client) {
        double now = clock.millis() / 1000.0;
        double[] bucket = buckets.computeIfAbsent(client, k -> new double[] {burst, now});
        bucket[0] = Math.min(burst, bucket[0] + (now - bucket[1]) * perSecond);
        bucket[1] = now;
        if (bucket[0] < 1) {
            return false;
        }
        bucket[0] -= 1;
        return true;
    }
}
