package org.linuxrouter.testkit.uml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guest's RAM, as the kernel's {@code mem=} parameter spells it ({@code 512M}, {@code 1G}).
 *
 * @param text the parameter value, checked on construction
 */
public record MemorySize(String text) {

    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,6})([KMG])");
    /** Below this the guest cannot start a JVM; above it the host's /dev/shm or TMPDIR rarely has room. */
    private static final long MIN = 64L << 20;
    private static final long MAX = 16L << 30;

    public MemorySize {
        long bytes = bytesOf(text);
        if (bytes < MIN || bytes > MAX) {
            throw new IllegalArgumentException("expected a guest memory between 64M and 16G, saw " + text);
        }
    }

    public static MemorySize of(String text) {
        return new MemorySize(text);
    }

    public long bytes() {
        return bytesOf(text);
    }

    private static long bytesOf(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("expected a memory size like 512M or 1G, saw '" + text + "'");
        }
        int shift = switch (m.group(2)) {
            case "K" -> 10;
            case "M" -> 20;
            default -> 30;
        };
        return Long.parseLong(m.group(1)) << shift;
    }
}
