package org.linuxrouter.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linuxrouter.testkit.process.Command;
import org.linuxrouter.testkit.process.CommandResult;

/**
 * lintian (bookworm's) over every built package, in one run: no error, and every warning is one that
 * docs/packaging.md lists with its justification (as `tag`), so a new warning fails until someone fixes or
 * justifies it.
 */
class LintianIT {
    /** "E: linuxrouterd: tag-name context..." */
    private static final Pattern HINT = Pattern.compile("(?m)^([EW]): (\\S+?)(?: \\S+)?: ([a-z0-9][a-z0-9.+-]+)(.*)$");
    private static final Path DOCS = Path.of(System.getProperty("reactor.root", "..")).resolve("docs/packaging.md");

    @Test
    void noErrorsAndEveryWarningIsJustifiedInTheDocs() throws IOException {
        List<String> argv = new ArrayList<>(List.of("lintian", "--fail-on", "none", "--no-tag-display-limit"));
        BuiltDebs.all().forEach(d -> argv.add(d.toString()));
        CommandResult lintian = Command.run(argv, null, Duration.ofMinutes(5));
        assertEquals(0, lintian.exitCode(), lintian.stderr());
        System.out.print(lintian.stdout());

        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        List<String> errors = new ArrayList<>();
        Set<String> unjustified = new TreeSet<>();
        Matcher hint = HINT.matcher(lintian.stdout());
        while (hint.find()) {
            if (hint.group(1).equals("E")) {
                errors.add(hint.group());
            } else if (!docs.contains("`" + hint.group(3) + "`")) {
                unjustified.add(hint.group(3) + " (" + hint.group(2) + ")");
            }
        }
        assertEquals(List.of(), errors, "lintian errors");
        assertEquals(Set.of(), unjustified, "lintian warnings not justified in " + DOCS);
    }
}
