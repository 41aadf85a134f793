package org.linuxrouter.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.linuxrouter.testkit.process.Command;

/**
 * The Debian 12 root every package test starts from: {@code mmdebstrap --variant=minbase} plus a package list,
 * built once and cached under {@code <cache>/debian-roots/<key>}, where the key is a hash of the suite, the
 * variant and the sorted package list; a new list means a new root. The cache directory is the system
 * property {@code linuxrouter.cache.dir}, else {@code $XDG_CACHE_HOME/linuxrouter}, else
 * {@code ~/.cache/linuxrouter}. A clean CI machine builds it once (about a minute, network needed).
 */
final class DebianBaseRoot {
    static final String SUITE = "bookworm";
    static final String VARIANT = "minbase";
    private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

    private DebianBaseRoot() {
    }

    /** The cached root holding {@code packages} (and what minbase has), built now if it is not there. */
    static synchronized Path with(SortedSet<String> packages) {
        for (String p : packages) {
            if (!PACKAGE.matcher(p).matches()) {
                throw new IllegalArgumentException("package list: expected Debian package names, got " + p);
            }
        }
        Path roots = cacheDir().resolve("debian-roots");
        Path root = roots.resolve(key(packages));
        if (Files.isDirectory(root.resolve("usr/bin"))) {
            return root;
        }
        try {
            Files.createDirectories(roots);
            Path partial = Files.createTempDirectory(roots, root.getFileName() + ".partial-");
            Files.delete(partial); // mmdebstrap wants to create (or find empty) the directory itself
            List<String> argv = new ArrayList<>(List.of("mmdebstrap", "--mode=root", "--variant=" + VARIANT,
                    "--quiet", "--include=" + String.join(",", packages), SUITE, partial.toString()));
            long start = System.nanoTime();
            Command.run(argv, null, BUILD_TIMEOUT).requireSuccess();
            Files.writeString(partial.resolve("test-root-packages.txt"),
                    "packages: " + String.join(" ", packages) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(partial, root, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                TempTree.delete(partial); // another run built the same root meanwhile: use that one
            }
            System.out.printf("Debian root %s built in %d s: %s%n", root, (System.nanoTime() - start) / 1_000_000_000L,
                    packages);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the Debian root " + root, e);
        }
    }

    static String key(SortedSet<String> packages) {
        String text = SUITE + "\n" + VARIANT + "\n" + String.join("\n", new TreeSet<>(packages));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return SUITE + "-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Path cacheDir() {
        String configured = System.getProperty("linuxrouter.cache.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "linuxrouter");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "linuxrouter");
    }
}
