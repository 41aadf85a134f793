package org.linuxrouter.testkit.uml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks the {@code TMPDIR} UML keeps the guest's RAM file in (trap 4): it must allow exec and hold the whole
 * {@code mem=}; a 64 MiB /dev/shm (Docker's default) ends in "Bus error" and a kernel panic.
 */
final class UmlTmpDir {

    /** Room for the file's own overhead and whatever else shares the file system. */
    private static final long HEADROOM = 128L << 20;
    static final Path DEV_SHM = Path.of("/dev/shm");

    private UmlTmpDir() {
    }

    /**
     * The requested directory if given (checked), else /dev/shm when it qualifies, else {@code fallback}.
     *
     * @throws UmlException naming each candidate and why it does not qualify
     */
    static Path choose(Optional<Path> requested, Path fallback, MemorySize memory, MountTable mounts) {
        List<Path> candidates = requested.map(List::of).orElseGet(() -> List.of(DEV_SHM, fallback));
        List<String> rejected = new ArrayList<>();
        for (Path candidate : candidates) {
            Optional<String> problem = problem(candidate, memory, mounts);
            if (problem.isEmpty()) {
                return candidate;
            }
            rejected.add(candidate + ": " + problem.get());
        }
        throw new UmlException("expected a TMPDIR for UML's " + memory.text() + " RAM file that allows exec and"
                + " has room, saw " + rejected + "; pass UmlRun tmpDir or a smaller memory");
    }

    static Optional<String> problem(Path dir, MemorySize memory, MountTable mounts) {
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            return Optional.of("not a writable directory");
        }
        if (!mounts.allowsExec(dir)) {
            return Optional.of("mounted noexec");
        }
        long usable = usableSpace(dir);
        if (usable < memory.bytes() + HEADROOM) {
            return Optional.of("only " + (usable >> 20) + " MiB free");
        }
        return Optional.empty();
    }

    private static long usableSpace(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the free space of " + dir, e);
        }
    }
}
