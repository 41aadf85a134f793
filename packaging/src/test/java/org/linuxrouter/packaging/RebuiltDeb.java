package org.linuxrouter.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.linuxrouter.testkit.process.Command;

/**
 * The next release of a built package, for upgrade tests: unpacked with {@code dpkg-deb -R}, given a higher
 * version and a changed conffile (as a release that documents a new key would), md5sums recomputed, and packed
 * again with {@code dpkg-deb --build}.
 */
final class RebuiltDeb {
    private static final Pattern VERSION = Pattern.compile("(?m)^Version: (\\S+)$");

    private RebuiltDeb() {
    }

    /**
     * @param conffile path of a conffile inside the package (absolute) that gets {@code addedLine} appended
     * @return the new .deb, in {@code workDir}
     */
    static Path withHigherVersion(Path deb, String versionSuffix, String conffile, String addedLine, Path workDir) {
        try {
            Path tree = workDir.resolve("tree");
            Command.run(List.of("dpkg-deb", "-R", deb.toString(), tree.toString())).requireSuccess();
            Path control = tree.resolve("DEBIAN/control");
            String text = Files.readString(control, StandardCharsets.UTF_8);
            Matcher m = VERSION.matcher(text);
            if (!m.find()) {
                throw new AssertionError("no Version field in " + deb);
            }
            Files.writeString(control, m.replaceFirst("Version: " + Matcher.quoteReplacement(m.group(1) + versionSuffix)),
                    StandardCharsets.UTF_8);
            Files.writeString(tree.resolve(conffile.substring(1)), addedLine + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            Files.writeString(tree.resolve("DEBIAN/md5sums"), md5sums(tree), StandardCharsets.UTF_8);
            Path out = workDir.resolve("rebuilt.deb");
            Command.run(List.of("dpkg-deb", "--root-owner-group", "-Zgzip", "--build", tree.toString(),
                    out.toString()))
                    .requireSuccess();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String md5sums(Path tree) throws IOException {
        try (var files = Files.walk(tree)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !tree.relativize(p).startsWith("DEBIAN"))
                    .sorted()
                    .map(p -> md5(p) + "  " + tree.relativize(p) + "\n")
                    .collect(Collectors.joining());
        }
    }

    private static String md5(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
