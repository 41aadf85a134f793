package org.linuxrouter.testkit.uml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The host's mounts as {@code /proc/self/mountinfo} lists them: enough to tell whether a directory allows exec,
 * which UML needs for its RAM file (trap 4: on a noexec {@code /dev/shm} it exits at once).
 *
 * @param mounts mount point and per-mount options, in the kernel's order (later mounts hide earlier ones)
 */
record MountTable(List<Mount> mounts) {

    /** One mount: where, and its per-mount options ({@code noexec} lives there). */
    record Mount(Path mountPoint, Set<String> options) {
    }

    MountTable {
        mounts = List.copyOf(mounts);
    }

    static MountTable host() {
        try {
            return parse(Files.readString(Path.of("/proc/self/mountinfo")));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read /proc/self/mountinfo", e);
        }
    }

    /** Parses mountinfo: field 5 is the mount point (octal escapes for space and friends), field 6 its options. */
    static MountTable parse(String mountinfo) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : mountinfo.split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length < 6) {
                continue;
            }
            mounts.add(new Mount(Path.of(unescape(fields[4])), Set.of(fields[5].split(","))));
        }
        return new MountTable(mounts);
    }

    /** Whether programs may be mapped executable from {@code dir}: the mount that holds it lacks noexec. */
    boolean allowsExec(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        Mount best = null;
        for (Mount mount : mounts) {
            boolean holds = target.startsWith(mount.mountPoint());
            if (holds && (best == null || mount.mountPoint().getNameCount() >= best.mountPoint().getNameCount())) {
                best = mount;
            }
        }
        return best == null || !best.options().contains("noexec");
    }

    private static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String text, int from) {
        if (from + 3 > text.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
