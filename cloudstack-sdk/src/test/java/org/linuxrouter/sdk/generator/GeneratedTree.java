package org.linuxrouter.sdk.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The generated source tree ({@code src/main/java}): removes the previous generation (files starting with the
 * generator's marker) and writes the new one; refuses to overwrite a file it did not generate.
 */
final class GeneratedTree {
    private final Path root;

    GeneratedTree(Path root) {
        this.root = root;
    }

    /** Deletes every previously generated file and then every directory left empty. */
    int clean() {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> generated = walk.filter(Files::isRegularFile).filter(GeneratedTree::isGenerated)
                    .collect(Collectors.toList());
            for (Path p : generated) {
                Files.delete(p);
            }
            removeEmptyDirectories();
            return generated.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + root, e);
        }
    }

    void write(String binaryName, String content) {
        writeFile(root.resolve(binaryName.replace('.', '/') + ".java"), content);
    }

    void writePackageInfo(String pkg, String content) {
        writeFile(root.resolve(pkg.replace('.', '/')).resolve("package-info.java"), content);
    }

    private static void writeFile(Path file, String content) {
        try {
            if (Files.exists(file)) {
                throw new IllegalStateException("expected no hand-written file at " + file
                        + ", saw one (the generator only replaces files it generated)");
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static boolean isGenerated(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().map(l -> l.startsWith(SourceWriter.MARKER)).orElse(false);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private void removeEmptyDirectories() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path dir : walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder())
                    .collect(Collectors.toList())) {
                if (!dir.equals(root)) {
                    try (Stream<Path> entries = Files.list(dir)) {
                        if (entries.findAny().isEmpty()) {
                            Files.delete(dir);
                        }
                    }
                }
            }
        }
    }
}
