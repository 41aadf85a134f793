package org.linuxrouter.ha.status.report;

import java.util.Objects;

/** Size and use of the filesystem the pair exports, from the node that has it mounted. */
public final class Capacity {
    private final String mountPoint;
    private final long totalBytes;
    private final long usedBytes;

    public Capacity(String mountPoint, long totalBytes, long usedBytes) {
        this.mountPoint = Objects.requireNonNull(mountPoint, "mountPoint");
        if (totalBytes < 0 || usedBytes < 0 || usedBytes > totalBytes) {
            throw new IllegalArgumentException("expected 0 <= usedBytes <= totalBytes, got used " + usedBytes
                    + " of " + totalBytes);
        }
        this.totalBytes = totalBytes;
        this.usedBytes = usedBytes;
    }

    public String mountPoint() {
        return mountPoint;
    }

    public long totalBytes() {
        return totalBytes;
    }

    public long usedBytes() {
        return usedBytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Capacity && ((Capacity) o).mountPoint.equals(mountPoint)
                && ((Capacity) o).totalBytes == totalBytes && ((Capacity) o).usedBytes == usedBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mountPoint, totalBytes, usedBytes);
    }

    @Override
    public String toString() {
        return usedBytes + " of " + totalBytes + " bytes used on " + mountPoint;
    }
}
