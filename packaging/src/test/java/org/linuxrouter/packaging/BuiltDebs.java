package org.linuxrouter.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.linuxrouter.testkit.process.Command;

/** The .deb files this module's build produced (target/*.deb), read with dpkg-deb. */
final class BuiltDebs {
    /** Depended on by our packages but not in Debian: the tests install a stand-in (docs/packaging.md). */
    static final Set<String> NOT_IN_DEBIAN = Set.of("cloudstack-management");
    /** In every test root beyond the packages' dependencies: systemd-analyze, and man for its Documentation= check. */
    static final Set<String> TEST_TOOLS = Set.of("systemd", "man-db");

    static final Path TARGET = Path.of(System.getProperty("packaging.target", "target")).toAbsolutePath();

    private BuiltDebs() {
    }

    static List<Path> all() {
        try (Stream<Path> files = Files.list(TARGET)) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().endsWith(".deb")).sorted().toList();
            if (debs.isEmpty()) {
                throw new AssertionError("expected .deb files in " + TARGET + " (built by mvn package), found none");
            }
            return debs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one built package named {@code name} ({@code name_<version>_all.deb}). */
    static Path named(String name) {
        List<Path> found = all().stream().filter(p -> p.getFileName().toString().startsWith(name + "_")).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + name + "_*.deb in " + TARGET + ", found " + found);
        }
        return found.get(0);
    }

    static String field(Path deb, String field) {
        return Command.run(List.of("dpkg-deb", "--field", deb.toString(), field)).requireSuccess().stdout().strip();
    }

    /**
     * What a test root needs so that {@code dpkg -i} of any built package finds its dependencies installed: the
     * first alternative of every Depends entry (the one apt would pick), the test tools, less what Debian lacks.
     */
    static SortedSet<String> rootPackages() {
        SortedSet<String> packages = new TreeSet<>(TEST_TOOLS);
        for (Path deb : all()) {
            for (String entry : field(deb, "Depends").split(",")) {
                String first = entry.split("\\|")[0].strip().split("[ (]")[0];
                if (!first.isEmpty() && !NOT_IN_DEBIAN.contains(first)) {
                    packages.add(first);
                }
            }
        }
        return packages;
    }
}
