package org.linuxrouter.packaging.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Prepares the documentation files of each package for jdeb, which copies files as they are:
 * {@code <pkg>/man/*.8} gzipped into {@code staging/<pkg>/man/}, and into {@code staging/<pkg>/doc/} the
 * package's {@code copyright} and {@code changelog.gz} made from the shared {@code changelog.Debian}
 * template ({@code @PACKAGE@}, {@code @VERSION@}). Run by the build (exec:java, prepare-package).
 *
 * <p>Arguments: Maven version, source directory ({@code src/deb}), staging directory, package names.
 */
public final class StageDebDocs {
    private static final Pattern MAN_PAGE = Pattern.compile(".+\\.[1-8]");
    private static final Pattern PACKAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");

    private StageDebDocs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            throw new IllegalArgumentException("usage: StageDebDocs MAVEN_VERSION SRC_DIR STAGING_DIR PACKAGE...");
        }
        String version = DebianVersion.of(args[0]);
        Path src = Path.of(args[1]);
        Path staging = Path.of(args[2]);
        String changelog = Files.readString(src.resolve("changelog.Debian"), StandardCharsets.UTF_8);
        for (String pkg : List.of(args).subList(3, args.length)) {
            stage(pkg, version, src.resolve(pkg), staging.resolve(pkg), changelog);
        }
    }

    static void stage(String pkg, String version, Path from, Path to, String changelogTemplate) throws IOException {
        if (!PACKAGE_NAME.matcher(pkg).matches()) {
            throw new IllegalArgumentException("package name: expected a Debian package name, got " + pkg);
        }
        Path doc = Files.createDirectories(to.resolve("doc"));
        Files.copy(from.resolve("copyright"), doc.resolve("copyright"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String changelog = changelogTemplate.replace("@PACKAGE@", pkg).replace("@VERSION@", version);
        Files.write(doc.resolve("changelog.gz"), GzipMax.compress(changelog.getBytes(StandardCharsets.UTF_8)));
        Path manSrc = from.resolve("man");
        if (Files.isDirectory(manSrc)) {
            Path man = Files.createDirectories(to.resolve("man"));
            for (Path page : manPages(manSrc)) {
                Files.write(man.resolve(page.getFileName() + ".gz"), GzipMax.compress(Files.readAllBytes(page)));
            }
        }
    }

    private static List<Path> manPages(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> MAN_PAGE.matcher(p.getFileName().toString()).matches()).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
