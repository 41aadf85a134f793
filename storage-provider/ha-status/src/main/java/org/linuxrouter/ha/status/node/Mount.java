package org.linuxrouter.ha.status.node;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** One mounted filesystem ({@code findmnt -J}). */
public final class Mount {
    private final String target;
    private final String source;
    private final String fstype;
    private final List<String> options;

    public Mount(String target, String source, String fstype, List<String> options) {
        this.target = Objects.requireNonNull(target, "target");
        this.source = Objects.requireNonNull(source, "source");
        this.fstype = Objects.requireNonNull(fstype, "fstype");
        this.options = List.copyOf(options);
    }

    static List<String> splitOptions(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }

    public String target() {
        return target;
    }

    public String source() {
        return source;
    }

    public String fstype() {
        return fstype;
    }

    public List<String> options() {
        return options;
    }

    public boolean readOnly() {
        return options.contains("ro");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mount && ((Mount) o).target.equals(target) && ((Mount) o).source.equals(source)
                && ((Mount) o).fstype.equals(fstype) && ((Mount) o).options.equals(options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, source, fstype, options);
    }

    @Override
    public String toString() {
        return source + " on " + target + " type " + fstype + " (" + String.join(",", options) + ")";
    }
}
