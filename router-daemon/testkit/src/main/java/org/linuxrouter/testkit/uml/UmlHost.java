package org.linuxrouter.testkit.uml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the host must provide before a boot is worth trying, each failure naming the apt package that fixes it.
 * The guest runs the host's programs, so the host's packages are the guest's too.
 */
final class UmlHost {

    static final Path MODULE_TREES = Path.of("/usr/lib/uml/modules");
    private static final List<Path> MODPROBE = List.of(Path.of("/usr/sbin/modprobe"), Path.of("/sbin/modprobe"));
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private UmlHost() {
    }

    /** Checks binary, module tree, modprobe and setsid; returns the module tree to use. */
    static Path check(Path linuxUml, Optional<Path> modules) {
        if (!Files.isExecutable(linuxUml)) {
            throw new UmlException("expected the user-mode-linux kernel at " + linuxUml + ", it is missing or not"
                    + " executable: apt-get install -y user-mode-linux");
        }
        // trap 1: user-mode-linux does not depend on kmod, and without it the guest has no modprobe for 8021q
        requireOneOf(MODPROBE, "modprobe", "kmod");
        requireOneOf(SETSID, "setsid", "util-linux");
        Path tree = modules.orElseGet(UmlHost::onlyModuleTree);
        if (!Files.isRegularFile(tree.resolve("modules.dep"))) {
            throw new UmlException("expected a kernel module tree with modules.dep at " + tree + ", saw none:"
                    + " apt-get install -y user-mode-linux");
        }
        return tree;
    }

    private static Path onlyModuleTree() {
        if (!Files.isDirectory(MODULE_TREES)) {
            throw new UmlException("expected UML kernel modules under " + MODULE_TREES + ", the directory is missing:"
                    + " apt-get install -y user-mode-linux");
        }
        try (Stream<Path> trees = Files.list(MODULE_TREES)) {
            List<Path> found = trees.filter(Files::isDirectory).toList();
            if (found.size() != 1) {
                throw new UmlException("expected exactly one kernel release under " + MODULE_TREES + ", saw " + found
                        + "; pass UmlRun modules(...)");
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + MODULE_TREES, e);
        }
    }

    private static void requireOneOf(List<Path> candidates, String program, String aptPackage) {
        if (candidates.stream().noneMatch(Files::isExecutable)) {
            throw new UmlException("expected " + program + " at one of " + candidates + ", saw none: apt-get install -y "
                    + aptPackage);
        }
    }
}
