package org.linuxrouter.hactl.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The node as the doctor sees it: files under a root directory ({@code /} on a node, a temp dir in tests, so
 * {@code /proc/drbd} is {@code <root>/proc/drbd}) and commands through a {@link CommandRunner}.
 */
public final class NodeSystem {

    private final Path root;
    private final CommandRunner runner;

    public NodeSystem(Path root, CommandRunner runner) {
        this.root = root;
        this.runner = runner;
    }

    public Path path(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    /** The file's text, or empty when it does not exist or cannot be read. */
    public Optional<String> read(String absolute) {
        try {
            return Optional.of(Files.readString(path(absolute), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Optional<byte[]> readBytes(String absolute) {
        try {
            return Optional.of(Files.readAllBytes(path(absolute)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public boolean exists(String absolute) {
        return Files.exists(path(absolute), LinkOption.NOFOLLOW_LINKS);
    }

    public Optional<Set<PosixFilePermission>> permissions(String absolute) {
        try {
            return Optional.of(Files.getPosixFilePermissions(path(absolute), LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Names of the entries of a directory, sorted; empty when it does not exist. */
    public List<String> list(String absoluteDir) {
        try (Stream<Path> s = Files.list(path(absoluteDir))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public CommandRunner.Result run(String... argv) {
        return runner.run(List.of(argv));
    }
}
