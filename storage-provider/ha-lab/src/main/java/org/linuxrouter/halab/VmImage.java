package org.linuxrouter.halab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.linuxrouter.testkit.process.Command;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * The storage VMs' boot files: a root file-system image, the kernel and the initramfs from the same tree.
 *
 * <p>Built by {@code image/build-image.sh} (mmdebstrap + {@code mkfs.ext4 -d}, no loop mounts) into a cache directory
 * named by a hash of the build inputs, so a session builds it once and a change to the package list or the script
 * builds a new one. VMs never write to it: each boots from its own copy.
 */
public record VmImage(Path rootImage, Path kernel, Path initrd) {

    /** The files whose content defines the image. */
    static final List<String> INPUTS = List.of("build-image.sh", "packages.txt", "lab-agent", "lab-agent.service",
            "initramfs-hook");

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);

    /** The image for the inputs in {@code imageDir}, built under {@code cacheRoot} if not there yet. */
    public static VmImage ensure(Path imageDir, Path cacheRoot) {
        Path dir = cacheRoot.resolve("debian12-" + inputHash(imageDir));
        VmImage image = in(dir);
        if (image.complete()) {
            return image;
        }
        try {
            Files.createDirectories(cacheRoot);
            Path building = Files.createTempDirectory(cacheRoot, "building-");
            try {
                CommandResult result = Command.run(List.of(imageDir.resolve("build-image.sh").toString(),
                        building.toString()), null, BUILD_TIMEOUT);
                if (!result.succeeded()) {
                    throw new LabException("building the VM image failed (exit " + result.exitCode() + "):\n"
                            + tail(result.stdout() + result.stderr()));
                }
                try {
                    Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    // a parallel build finished first: use that one
                } catch (IOException e) {
                    if (!in(dir).complete()) {
                        throw e;
                    }
                }
            } finally {
                deleteTree(building);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the VM image under " + cacheRoot, e);
        }
        if (!image.complete()) {
            throw new LabException("the image build left no complete image in " + dir);
        }
        return image;
    }

    /** Where images are cached: {@code halab.cache}, else {@code $XDG_CACHE_HOME} or {@code ~/.cache}. */
    public static Path defaultCacheRoot() {
        String configured = System.getProperty("halab.cache");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("linuxrouter-ha-lab");
    }

    static String inputHash(Path imageDir) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : INPUTS) {
                digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(imageDir.resolve(name)));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the image inputs in " + imageDir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }

    private static VmImage in(Path dir) {
        return new VmImage(dir.resolve("root.img"), dir.resolve("vmlinuz"), dir.resolve("initrd.img"));
    }

    private boolean complete() {
        return Files.isRegularFile(rootImage) && Files.isRegularFile(kernel) && Files.isRegularFile(initrd);
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }
}
