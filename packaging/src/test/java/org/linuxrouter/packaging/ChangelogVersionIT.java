package org.linuxrouter.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.linuxrouter.testkit.process.Command;

/**
 * Every built package's changelog (written by the build's StageDebDocs) names the package and the version
 * jdeb put in its control file: the two conversions of the Maven version must agree.
 */
class ChangelogVersionIT {
    @Test
    void changelogHeadlineMatchesTheControlFile() throws IOException {
        for (Path deb : BuiltDebs.all()) {
            String name = BuiltDebs.field(deb, "Package");
            Path dir = TempTree.create("lrpkg-changelog-");
            try {
                Command.run(List.of("dpkg-deb", "-x", deb.toString(), dir.toString())).requireSuccess();
                String changelog;
                try (InputStream in = new GZIPInputStream(
                        Files.newInputStream(dir.resolve("usr/share/doc/" + name + "/changelog.gz")))) {
                    changelog = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                String expected = name + " (" + BuiltDebs.field(deb, "Version") + ") ";
                assertEquals(expected, changelog.substring(0, Math.min(expected.length(), changelog.length())),
                        deb.toString());
            } finally {
                TempTree.delete(dir);
            }
        }
    }
}
