package org.linuxrouter.packaging;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hand-written man pages against what the installed commands print: a page must name every option. */
final class ManPages {
    private ManPages() {
    }

    /**
     * The options (picocli's option lines) and subcommands {@code help} shows that the installed man page
     * {@code page}(8) does not mention: empty when the page is complete.
     */
    static Set<String> missing(DebianRoot root, String page, String help) {
        String roff = root.ok("zcat", "/usr/share/man/man8/" + page + ".8.gz").replace("\\-", "-");
        Set<String> missing = new TreeSet<>();
        // picocli's option lines: "  -h, --help ..." or "      --config=FILE ..."
        Matcher option = Pattern.compile("(?m)^ +(?:(-[A-Za-z]), )?(--[A-Za-z][\\w-]*)").matcher(help);
        while (option.find()) {
            for (String name : new String[] {option.group(1), option.group(2)}) {
                if (name != null && !roff.contains(name)) {
                    missing.add(name);
                }
            }
        }
        for (String command : subcommands(help)) {
            if (!roff.contains(".B " + command) && !roff.contains(".BI " + command)) {
                missing.add(command);
            }
        }
        return missing;
    }

    /** picocli's "Commands:" section: one indented name per line. */
    static List<String> subcommands(String help) {
        int at = help.indexOf("\nCommands:\n");
        if (at < 0) {
            return List.of();
        }
        return help.substring(at + "\nCommands:\n".length()).lines().takeWhile(l -> l.startsWith("  "))
                .filter(l -> l.matches("  \\S.*")) // a wrapped description is indented further
                .map(l -> l.strip().split("\\s+")[0]).toList();
    }
}
