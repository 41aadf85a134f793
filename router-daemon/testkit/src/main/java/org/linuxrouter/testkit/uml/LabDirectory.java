package org.linuxrouter.testkit.uml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One run's private directory on the host, deleted on close: the guest init, the argv file, the status file,
 * UML's own state ({@code uml/}), an empty directory UML starts in ({@code cwd/}) and room for its RAM file.
 */
final class LabDirectory implements AutoCloseable {

    static final String INIT_RESOURCE = "guest-init.sh";

    private final Path root;

    private LabDirectory(Path root) {
        this.root = root;
    }

    /** Creates the directory under {@code java.io.tmpdir} and writes the init script and the argv file. */
    static LabDirectory create(List<String> guestArgv) {
        try {
            Path root = Files.createTempDirectory("lrlab-");
            LabDirectory lab = new LabDirectory(root);
            Files.createDirectory(lab.umlDir());
            Files.createDirectory(lab.cwd());
            Files.createDirectory(lab.memoryDir());
            lab.writeInit();
            Files.write(lab.argvFile(), encodeArgv(guestArgv));
            return lab;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the lab directory: " + e.getMessage(), e);
        }
    }

    /** The argv file format the init reads with {@code mapfile -d ''}: each argument followed by a NUL. */
    static byte[] encodeArgv(List<String> argv) {
        StringBuilder text = new StringBuilder();
        for (String arg : argv) {
            if (arg.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("expected arguments without NUL characters, saw " + argv);
            }
            text.append(arg).append('\0');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    Path root() {
        return root;
    }

    Path init() {
        return root.resolve("init.sh");
    }

    Path argvFile() {
        return root.resolve("argv");
    }

    Path statusFile() {
        return root.resolve("status");
    }

    Path umlDir() {
        return root.resolve("uml");
    }

    /** UML attaches a file named root_fs in its current directory as a read-write disk (trap 9): keep it empty. */
    Path cwd() {
        return root.resolve("cwd");
    }

    Path memoryDir() {
        return root.resolve("memory");
    }

    /** The status line, if the guest wrote one. */
    Optional<String> status() {
        try {
            return Files.exists(statusFile())
                    ? Optional.of(Files.readString(statusFile(), StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the guest status " + statusFile(), e);
        }
    }

    private void writeInit() throws IOException {
        try (InputStream in = LabDirectory.class.getResourceAsStream(INIT_RESOURCE)) {
            if (in == null) {
                throw new IOException("expected the resource " + INIT_RESOURCE + " next to LabDirectory, it is missing");
            }
            Files.copy(in, init());
        }
        Files.setPosixFilePermissions(init(), PosixFilePermissions.fromString("r-xr-xr-x"));
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the lab directory " + root, e);
        }
    }
}
