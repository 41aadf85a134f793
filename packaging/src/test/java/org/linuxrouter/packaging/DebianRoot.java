package org.linuxrouter.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.linuxrouter.testkit.process.Command;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * A fresh Debian 12 root for one test: an overlay whose lower layer is the cached base ({@link DebianBaseRoot})
 * and whose upper layer, private to this root, collects every change. The overlay is mounted only inside the
 * private mount namespace of each command ({@code unshare --mount --pid}), so nothing stays mounted on the
 * host, even when a test dies; the upper layer carries the state from one command to the next.
 *
 * <p>{@link #changedPaths()} lists the upper layer: exactly what the commands run so far left in the root.
 */
final class DebianRoot implements AutoCloseable {
    /** Overlay mount options are comma-separated: our own temp paths only, checked. */
    private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9/._-]+");
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    /**
     * Enters the root: overlay, /proc and a read-only /sys in the new namespaces, a clean environment, then the
     * command. Every value arrives as a positional parameter, never as shell text.
     */
    private static final String ENTER = String.join("\n",
            "set -e",
            "lower=$1 upper=$2 work=$3 root=$4 net=$5",
            "shift 5",
            "mount -t overlay overlay -o \"lowerdir=$lower,upperdir=$upper,workdir=$work\" \"$root\"",
            "mount -t proc proc \"$root/proc\"",
            "mount -t sysfs -o ro sysfs \"$root/sys\"",
            "if [ \"$net\" = private ]; then ip link set lo up; fi",
            "exec chroot \"$root\" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 "
                    + "DEBIAN_FRONTEND=noninteractive HOME=/root \"$@\"");

    private final Path base;
    private final Path dir;
    private final Path upper;
    private final Path work;
    private final Path merged;

    private DebianRoot(Path base, Path dir) throws IOException {
        this.base = base;
        this.dir = dir;
        this.upper = Files.createDirectory(dir.resolve("upper"));
        this.work = Files.createDirectory(dir.resolve("work"));
        this.merged = Files.createDirectory(dir.resolve("merged"));
        for (Path p : List.of(base, upper, work, merged)) {
            if (!PLAIN_PATH.matcher(p.toString()).matches()) {
                throw new IllegalArgumentException("overlay path: expected only A-Z a-z 0-9 / . _ -, got " + p);
            }
        }
    }

    /** A fresh root over {@code base}, in a new directory under java.io.tmpdir named after {@code name}. */
    static DebianRoot over(Path base, String name) {
        try {
            return new DebianRoot(base, TempTree.create("lrpkg-" + name + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code argv} inside the root, in the host's network namespace. */
    CommandResult run(String... argv) {
        return run(false, argv);
    }

    /** Runs {@code argv} inside the root and a network namespace of its own (only lo, up). */
    CommandResult runInPrivateNetwork(String... argv) {
        return run(true, argv);
    }

    private CommandResult run(boolean privateNetwork, String... argv) {
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork",
                "--propagation", "private"));
        if (privateNetwork) {
            command.add("--net");
        }
        command.addAll(List.of("sh", "-c", ENTER, "enter-root", base.toString(), upper.toString(), work.toString(),
                merged.toString(), privateNetwork ? "private" : "host"));
        command.addAll(List.of(argv));
        return Command.run(command, null, TIMEOUT);
    }

    /** Runs {@code argv} inside the root and fails the test with its output unless it exits 0. */
    String ok(String... argv) {
        CommandResult result = run(argv);
        if (!result.succeeded()) {
            throw new AssertionError("expected exit 0 from " + List.of(argv) + " in the Debian root, got "
                    + result.exitCode() + "\nstdout:\n" + result.stdout() + "\nstderr:\n" + result.stderr());
        }
        return result.stdout();
    }

    /** Copies a host file to {@code inside} (an absolute path in the root), through the upper layer. */
    void put(Path hostFile, String inside) {
        try {
            Path target = upper.resolve(inside.substring(1));
            Files.createDirectories(target.getParent());
            Files.copy(hostFile, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Paths (relative, without a leading /) of the regular files, links and deletions in the upper layer. */
    List<String> changedPaths() {
        try (Stream<Path> files = Files.walk(upper)) {
            return files.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> upper.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        TempTree.delete(dir);
    }
}
