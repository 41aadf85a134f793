package org.linuxrouter.sdk.conformance;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles test sources kept as resources, e.g. the stub sources of a test scenario (the {@code stubs/correct} set overlaid with
 * {@code stubs/<scenario>}) with the system Java compiler and lists the result with javap.
 */
final class StubCompiler {
    private final Path workDir;

    StubCompiler(Path workDir) {
        this.workDir = workDir;
    }

    /** @param scenario a directory under {@code stubs/}; {@code correct} compiles the correct set alone */
    Listing compileAndList(String scenario) {
        Path classes = scenario.equals("correct") ? compile(scenario, "stubs/correct")
                : compile(scenario, "stubs/correct", "stubs/" + scenario);
        return JavapListing.of(classes, JavapListing.jvmClasspath());
    }

    /**
     * Compiles the sources of the given test-resource directories (later ones overlay earlier ones) with
     * {@code --release 11} against this JVM's classpath (which holds the compiled SDK); returns the classes dir.
     */
    Path compile(String name, String... resourceDirs) {
        Path sources = workDir.resolve(name).resolve("src");
        Path classes = workDir.resolve(name).resolve("classes");
        for (String dir : resourceDirs) {
            copyTree(resource(dir), sources);
        }
        compile(sources, classes);
        return classes;
    }

    private static void compile(Path sources, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("expected a jdk with a system java compiler, saw a jre");
        }
        List<String> args = new ArrayList<>(List.of("--release", "11", "-d", classes.toString(),
                "-cp", String.join(java.io.File.pathSeparator, JavapListing.jvmClasspath())));
        args.addAll(javaFiles(sources));
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, args.toArray(new String[0]));
        if (rc != 0) {
            throw new IllegalStateException("stub compilation failed (exit " + rc + "): " + diagnostics);
        }
    }

    private static List<String> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String name) {
        URL url = StubCompiler.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("expected test resource directory " + name + " on the classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad resource url " + url, e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
