package org.linuxrouter.ha.status.node;

import java.util.Objects;
import java.util.OptionalDouble;

/** Is this node's clock synchronised, how far off is it, is a leap second pending. */
public final class TimeSync {
    private final boolean synchronised;
    private final double offsetSeconds;
    private final LeapStatus leap;
    private final String source;

    /** @param offsetSeconds NaN when the source does not say (timedatectl) */
    public TimeSync(boolean synchronised, double offsetSeconds, LeapStatus leap, String source) {
        this.synchronised = synchronised;
        this.offsetSeconds = offsetSeconds;
        this.leap = Objects.requireNonNull(leap, "leap");
        this.source = Objects.requireNonNull(source, "source");
    }

    public boolean synchronised() {
        return synchronised;
    }

    /** Absolute difference to NTP time (chrony's "System time"), if known. */
    public OptionalDouble offsetSeconds() {
        return Double.isNaN(offsetSeconds) ? OptionalDouble.empty() : OptionalDouble.of(Math.abs(offsetSeconds));
    }

    public LeapStatus leap() {
        return leap;
    }

    /** "chronyc", "timedatectl" or "chronyc+timedatectl". */
    public String source() {
        return source;
    }

    /** chrony knows offset and leap status; timedatectl knows what systemd thinks. Synchronised only if both agree. */
    public TimeSync combinedWith(TimeSync other) {
        double offset = offsetSeconds().isPresent() ? offsetSeconds : other.offsetSeconds;
        LeapStatus l = leap != LeapStatus.UNKNOWN ? leap : other.leap;
        return new TimeSync(synchronised && other.synchronised, offset, l, source + "+" + other.source);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TimeSync)) {
            return false;
        }
        TimeSync t = (TimeSync) o;
        return t.synchronised == synchronised && Double.compare(t.offsetSeconds, offsetSeconds) == 0 && t.leap == leap
                && t.source.equals(source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(synchronised, offsetSeconds, leap, source);
    }

    @Override
    public String toString() {
        return (synchronised ? "synchronised" : "not synchronised")
                + (offsetSeconds().isPresent() ? String.format(java.util.Locale.ROOT, ", offset %.6f s", offsetSeconds().getAsDouble()) : "")
                + ", leap " + leap.chronyName() + " (" + source + ")";
    }
}
