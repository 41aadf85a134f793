package org.linuxrouter.sdk.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed src/main/java is exactly what the generator produces from the committed inputs: nobody edited a
 * generated file by hand, and nobody changed sdk-roots.txt (or the other inputs) without regenerating.
 */
class GeneratedSourcesUpToDateTest {

    @Test
    void committedSourcesEqualAFreshGeneration(@TempDir Path fresh) throws IOException {
        Path module = RealListing.path("sdk.roots").getParent();

        String report = SdkGenerator.generate(module, fresh);

        assertTrue(report.startsWith("cloudstack-sdk generator: "), report);
        Map<String, String> expected = tree(fresh);
        Map<String, String> committed = tree(module.resolve("src/main/java"));
        List<String> differences = new ArrayList<>();
        expected.forEach((file, content) -> {
            if (!content.equals(committed.get(file))) {
                differences.add((committed.containsKey(file) ? "differs: " : "missing: ") + file);
            }
        });
        committed.keySet().stream().filter(f -> !expected.containsKey(f)).forEach(f -> differences.add("extra: " + f));
        assertEquals(List.of(), differences, "expected src/main/java to be regenerated with "
                + SourceWriter.COMMAND + " after changing its inputs");
        assertTrue(expected.size() > 100, "expected a full sdk, saw " + expected.size() + " files");
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
