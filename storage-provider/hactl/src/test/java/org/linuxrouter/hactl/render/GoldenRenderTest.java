package org.linuxrouter.hactl.render;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linuxrouter.hactl.Fixtures;
import org.linuxrouter.hactl.inventory.LoadedInventory;

/**
 * Every rendered file of every example inventory against its reviewed golden copy under
 * src/test/resources/golden/<inventory>/<host>/, plus a MODES file with each file's permission bits. After an
 * intended change: {@code -Dhactl.updateGolden=true}, then review the diff.
 */
class GoldenRenderTest {

    static Stream<Path> inventories() {
        return Stream.of(Fixtures.STORAGE_EXAMPLE, Fixtures.MANAGEMENT_EXAMPLE, Fixtures.STORAGE_PACEMAKER_9);
    }

    @ParameterizedTest
    @MethodSource("inventories")
    void renderedFilesEqualTheGoldenCopies(Path inventory) throws IOException {
        LoadedInventory loaded = Fixtures.load(inventory);
        Path golden = Fixtures.GOLDEN.resolve(inventory.getFileName().toString().replace(".yaml", ""));
        Map<String, List<RenderedFile>> rendered = new PairRenderer().render(loaded);
        if (Boolean.getBoolean("hactl.updateGolden")) {
            update(golden, rendered);
        }
        for (Map.Entry<String, List<RenderedFile>> node : rendered.entrySet()) {
            Path dir = golden.resolve(node.getKey());
            Map<String, String> expectedModes = modes(dir.resolve("MODES"));
            List<String> paths = new ArrayList<>();
            for (RenderedFile f : node.getValue()) {
                paths.add(f.path());
                Path expected = dir.resolve(f.path());
                assertTrue(Files.exists(expected), "no golden copy of " + node.getKey() + "/" + f.path());
                byte[] want = Files.readAllBytes(expected);
                if (f.path().endsWith("authkey")) {
                    assertEquals(java.util.HexFormat.of().formatHex(want), java.util.HexFormat.of().formatHex(f.content()),
                            node.getKey() + "/" + f.path());
                } else {
                    assertEquals(new String(want, StandardCharsets.UTF_8), f.text(), node.getKey() + "/" + f.path());
                }
                assertEquals(expectedModes.get(f.path()), Integer.toOctalString(f.mode()), "mode of " + f.path());
            }
            assertEquals(new TreeMap<>(expectedModes).keySet().stream().toList(), paths.stream().sorted().toList(),
                    "the set of files rendered for " + node.getKey());
        }
    }

    private static Map<String, String> modes(Path file) throws IOException {
        Map<String, String> modes = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split(" ", 2);
            modes.put(parts[1], parts[0]);
        }
        return modes;
    }

    private static void update(Path golden, Map<String, List<RenderedFile>> rendered) throws IOException {
        for (Map.Entry<String, List<RenderedFile>> node : rendered.entrySet()) {
            Path dir = golden.resolve(node.getKey());
            StringBuilder modes = new StringBuilder();
            for (RenderedFile f : node.getValue()) {
                Files.createDirectories(dir.resolve(f.path()).getParent());
                Files.write(dir.resolve(f.path()), f.content());
                modes.append(Integer.toOctalString(f.mode())).append(' ').append(f.path()).append('\n');
            }
            Files.writeString(dir.resolve("MODES"), modes.toString());
        }
    }
}
