package org.linuxrouter.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.linuxrouter.testkit.process.Command;

/**
 * Runs after every module is packaged (failsafe, verify phase): opens every jar the reactor built, and every jar
 * inside the Debian packages and the plugin tarball (unpacked with dpkg-deb and tar), and fails if any holds an
 * SDK class or a class in CloudStack's packages. The SDK's own jar is the one exception.
 */
class ShippedArtifactsIT {

    private static final Path ROOT = Path.of(System.getProperty("reactor.root", "..")).toAbsolutePath().normalize();

    @Test
    void noCloudStackClassShipsInAnyBuiltArtifact() throws IOException {
        ArtifactScanner scanner = new ArtifactScanner(sdkClassEntries());
        List<Path> artifacts = builtArtifacts();
        assertFalse(artifacts.isEmpty(), "expected built jars under " + ROOT + ", found none");

        Path unpacked = TempTree.create("lrpkg-shipped-");
        try {
            List<Path> all = new ArrayList<>(artifacts);
            List<Path> packaged = jarsInPackages(unpacked);
            assertFalse(packaged.isEmpty(), "expected jars inside the built packages, found none");
            all.addAll(packaged);
            List<String> leaks = new ArrayList<>();
            for (Path artifact : all) {
                leaks.addAll(scanner.forbiddenEntries(artifact));
            }
            System.out.printf("shipped artifacts: %d checked (%d inside packages), %d CloudStack classes found%n",
                    all.size(), packaged.size(), leaks.size());
            assertEquals(List.of(), leaks, "CloudStack classes inside shipped artifacts");
        } finally {
            TempTree.delete(unpacked);
        }
    }

    /** Unpacks every .deb and .tar.gz the packaging module built under {@code into}; returns the jars in them. */
    private static List<Path> jarsInPackages(Path into) throws IOException {
        List<Path> archives;
        try (Stream<Path> files = Files.list(BuiltDebs.TARGET)) {
            archives = files.filter(p -> p.toString().endsWith(".deb") || p.toString().endsWith(".tar.gz")).sorted()
                    .collect(Collectors.toList());
        }
        for (Path archive : archives) {
            Path dir = Files.createDirectory(into.resolve(archive.getFileName().toString()));
            List<String> unpack = archive.toString().endsWith(".deb")
                    ? List.of("dpkg-deb", "-x", archive.toString(), dir.toString())
                    : List.of("tar", "-xzf", archive.toString(), "-C", dir.toString());
            Command.run(unpack).requireSuccess();
        }
        try (Stream<Path> files = Files.walk(into)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
    }

    private static Set<String> sdkClassEntries() throws IOException {
        Path classes = ROOT.resolve("cloudstack-sdk/target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        }
    }

    /** Every jar in a target directory of the reactor, except the SDK's own and the test-only modules'. */
    private static List<Path> builtArtifacts() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT, 4)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> p.getParent().getFileName().toString().equals("target"))
                    .filter(p -> !p.startsWith(ROOT.resolve("cloudstack-sdk")))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
