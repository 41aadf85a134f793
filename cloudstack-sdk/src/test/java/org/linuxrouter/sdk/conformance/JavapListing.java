package org.linuxrouter.sdk.conformance;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Produces the javap {@code -protected} listing of compiled classes, in-process, in one javap call. */
public final class JavapListing {
    private JavapListing() {
    }

    /**
     * Lists every class under {@code classesDir}.
     *
     * @param classesDir a compiled classes directory (package-info and module-info are skipped)
     * @param classpath extra classpath entries, e.g. the provided jars the classes were compiled against
     */
    public static Listing of(Path classesDir, List<String> classpath) {
        List<String> names = classNames(classesDir);
        if (names.isEmpty()) {
            return Listing.parse(List.of(), "javap " + classesDir);
        }
        List<String> args = new ArrayList<>(List.of("-protected", "-cp", joinClasspath(classesDir, classpath)));
        args.addAll(names);
        ToolProvider javap = ToolProvider.findFirst("javap")
                .orElseThrow(() -> new IllegalStateException("expected the javap tool (module jdk.jdeps) in this jdk"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = javap.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(new String[0]));
        if (rc != 0 || !err.toString().isBlank()) {
            throw new IllegalStateException("javap failed with exit code " + rc + ": " + err + out);
        }
        return Listing.parse(Arrays.asList(out.toString().split("\\R")), "javap " + classesDir.getFileName());
    }

    /** The classpath of this JVM, the way surefire and exec:java set it. */
    public static List<String> jvmClasspath() {
        String cp = System.getProperty("java.class.path", "");
        return Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).collect(Collectors.toList());
    }

    static List<String> classNames(Path classesDir) {
        if (!Files.isDirectory(classesDir)) {
            throw new IllegalArgumentException("expected a compiled classes directory, saw " + classesDir);
        }
        try (Stream<Path> files = Files.walk(classesDir)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classesDir.relativize(p).toString())
                    .map(s -> s.substring(0, s.length() - ".class".length()).replace(File.separatorChar, '.'))
                    .filter(s -> !s.endsWith("package-info") && !s.endsWith("module-info"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list classes under " + classesDir, e);
        }
    }

    private static String joinClasspath(Path classesDir, List<String> classpath) {
        List<String> all = new ArrayList<>();
        all.add(classesDir.toString());
        all.addAll(classpath);
        return String.join(File.pathSeparator, all);
    }
}
