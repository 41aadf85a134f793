package org.linuxrouter.ha.status.drbd;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How far a resync (or online verify) has come, and the kernel's estimate of the time left. */
public final class SyncProgress {
    private final double percentDone;
    private final Duration remaining;

    public SyncProgress(double percentDone, Optional<Duration> remaining) {
        if (!(percentDone >= 0 && percentDone <= 100)) {
            throw new IllegalArgumentException("percentDone must be 0..100, got " + percentDone);
        }
        this.percentDone = percentDone;
        this.remaining = remaining.orElse(null);
    }

    public double percentDone() {
        return percentDone;
    }

    public Optional<Duration> remaining() {
        return Optional.ofNullable(remaining);
    }

    /** "6.3% done, about 0:02:43 left". */
    public String describe() {
        String pct = String.format(java.util.Locale.ROOT, "%.1f%% done", percentDone);
        if (remaining == null) {
            return pct;
        }
        long s = remaining.getSeconds();
        return pct + String.format(java.util.Locale.ROOT, ", about %d:%02d:%02d left", s / 3600, s / 60 % 60, s % 60);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SyncProgress && ((SyncProgress) o).percentDone == percentDone
                && Objects.equals(((SyncProgress) o).remaining, remaining);
    }

    @Override
    public int hashCode() {
        return Objects.hash(percentDone, remaining);
    }

    @Override
    public String toString() {
        return describe();
    }
}
