package org.linuxrouter.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.linuxrouter.testkit.process.Command;

/**
 * An empty package that stands in for one Debian does not have (cloudstack-management), what equivs-build
 * would make, built with dpkg-deb: the name, a version, and the directories the real package owns, so
 * installing ours next to it exercises dpkg's dependency check and directory ownership as on a real server.
 */
final class StandInPackage {
    private StandInPackage() {
    }

    static Path build(String name, String version, List<String> directories, Path workDir) {
        try {
            Path tree = workDir.resolve(name);
            Files.createDirectories(tree.resolve("DEBIAN"));
            for (String dir : directories) {
                Files.createDirectories(tree.resolve(dir.substring(1)));
            }
            Files.writeString(tree.resolve("DEBIAN/control"), String.join("\n",
                    "Package: " + name,
                    "Version: " + version,
                    "Architecture: all",
                    "Maintainer: linuxrouter tests <linuxrouter@example.org>",
                    "Description: stand-in for " + name + " in package tests",
                    " Empty: owns the directories the real package owns.",
                    ""), StandardCharsets.UTF_8);
            Path deb = workDir.resolve(name + "_" + version + "_all.deb");
            Command.run(List.of("dpkg-deb", "--root-owner-group", "--build", tree.toString(), deb.toString()))
                    .requireSuccess();
            return deb;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
