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

/**
 * Runs after every module is packaged (failsafe, verify phase): opens every jar the reactor built and fails if
 * any holds an SDK class or a class in CloudStack's packages. The SDK's own jar is the one exception.
 */
class ShippedArtifactsIT {

    private static final Path ROOT = Path.of(System.getProperty("reactor.root", "..")).toAbsolutePath().normalize();

    @Test
    void noCloudStackClassShipsInAnyBuiltArtifact() throws IOException {
        ArtifactScanner scanner = new ArtifactScanner(sdkClassEntries());
        List<Path> artifacts = builtArtifacts();
        assertFalse(artifacts.isEmpty(), "expected built jars under " + ROOT + ", found none");

        List<String> leaks = new ArrayList<>();
        for (Path artifact : artifacts) {
            leaks.addAll(scanner.forbiddenEntries(artifact));
        }
        System.out.printf("shipped artifacts: %d checked, %d CloudStack classes found%n", artifacts.size(), leaks.size());
        assertEquals(List.of(), leaks, "CloudStack classes inside shipped artifacts");
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
