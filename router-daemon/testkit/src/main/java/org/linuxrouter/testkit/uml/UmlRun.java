package org.linuxrouter.testkit.uml;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run in one UML boot.
 *
 * @param argv      the command the guest runs (program and arguments); its exit status is the run's result
 * @param memory    the guest's RAM ({@code mem=}); the host needs that much room in {@link #tmpDir}
 * @param timeout   how long the whole boot may take before the UML session is killed
 * @param shares    host directories the guest may write to (the lab's private directory is always shared);
 *                  everything else the guest writes to /etc, /var, /root, /tmp stays in guest memory
 * @param workingDirectory where the command runs; empty means the lab's private directory
 * @param tmpDir    where UML keeps the guest's RAM file (exec allowed, room for {@code memory}); empty means
 *                  /dev/shm when it qualifies, else the lab's private directory
 * @param linuxUml  the kernel binary
 * @param modules   the kernel's module tree; empty means the only release under /usr/lib/uml/modules
 * @param relay     where the guest's console is echoed, each line prefixed with the instance name
 */
public record UmlRun(List<String> argv, MemorySize memory, Duration timeout, List<Path> shares,
                     Optional<Path> workingDirectory, Optional<Path> tmpDir, Path linuxUml,
                     Optional<Path> modules, PrintStream relay) {

    public static final Path DEFAULT_LINUX_UML = Path.of("/usr/bin/linux.uml");
    /** A boot is 3-7 s and a JVM test run inside 10-30 s; this leaves room for a busy CI machine. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(4);

    public UmlRun {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("expected a command for the guest to run, saw an empty argv");
        }
        for (String arg : argv) {
            if (arg.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("expected guest arguments without NUL characters, saw " + argv);
            }
        }
        Objects.requireNonNull(memory, "memory");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("expected a positive timeout, saw " + timeout);
        }
        shares = List.copyOf(shares);
        shares.forEach(UmlRun::requireAbsolute);
        workingDirectory.ifPresent(UmlRun::requireAbsolute);
        tmpDir.ifPresent(UmlRun::requireAbsolute);
        requireAbsolute(linuxUml);
        modules.ifPresent(UmlRun::requireAbsolute);
        Objects.requireNonNull(relay, "relay");
    }

    public static Builder command(String... argv) {
        return new Builder(List.of(argv));
    }

    public static Builder command(List<String> argv) {
        return new Builder(argv);
    }

    private static void requireAbsolute(Path path) {
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("expected an absolute path, saw '" + path + "'");
        }
    }

    /** Defaults: 1G of RAM, {@link #DEFAULT_TIMEOUT}, no extra shares, console echoed to System.out. */
    public static final class Builder {
        private final List<String> argv;
        private MemorySize memory = MemorySize.of("1G");
        private Duration timeout = DEFAULT_TIMEOUT;
        private final List<Path> shares = new ArrayList<>();
        private Path workingDirectory;
        private Path tmpDir;
        private Path linuxUml = DEFAULT_LINUX_UML;
        private Path modules;
        private PrintStream relay = System.out;

        private Builder(List<String> argv) {
            this.argv = List.copyOf(argv);
        }

        public Builder memory(String mem) {
            this.memory = MemorySize.of(mem);
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder share(Path hostDirectory) {
            this.shares.add(hostDirectory.toAbsolutePath().normalize());
            return this;
        }

        public Builder workingDirectory(Path dir) {
            this.workingDirectory = dir.toAbsolutePath().normalize();
            return this;
        }

        public Builder tmpDir(Path dir) {
            this.tmpDir = dir.toAbsolutePath().normalize();
            return this;
        }

        public Builder linuxUml(Path binary) {
            this.linuxUml = binary;
            return this;
        }

        public Builder modules(Path moduleTree) {
            this.modules = moduleTree;
            return this;
        }

        public Builder relay(PrintStream out) {
            this.relay = out;
            return this;
        }

        public UmlRun build() {
            return new UmlRun(argv, memory, timeout, shares, Optional.ofNullable(workingDirectory),
                    Optional.ofNullable(tmpDir), linuxUml, Optional.ofNullable(modules), relay);
        }
    }
}
