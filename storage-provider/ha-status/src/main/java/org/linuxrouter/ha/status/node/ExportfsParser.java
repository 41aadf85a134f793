package org.linuxrouter.ha.status.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linuxrouter.ha.status.Malformed;
import org.linuxrouter.ha.status.Parsing;
import org.linuxrouter.ha.status.Reading;

/**
 * Reads {@code exportfs -v} (nfs-utils utils/exportfs/exportfs.c dump()): the path padded to 14 columns, then
 * either a tab or, for longer paths, a newline and two tabs, then {@code client(options)}. Output without the
 * parenthesised options (plain {@code exportfs}) is rejected: it cannot tell whether an export has its fsid.
 */
public final class ExportfsParser {
    private static final Pattern CLIENT = Pattern.compile("^(\\S+?)\\(([^()]*)\\)$");

    private ExportfsParser() {
    }

    public static Reading<List<NfsExport>> parse(String text) {
        return Parsing.guardAllowingEmpty("exportfs -v", text, () -> {
            List<NfsExport> out = new ArrayList<>();
            String path = null;
            boolean awaitingClient = false;
            int n = 0;
            for (String line : text.split("\n")) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String rest;
                if (!Character.isWhitespace(line.charAt(0))) {
                    int ws = firstWhitespace(line);
                    path = ws < 0 ? line : line.substring(0, ws);
                    if (!path.startsWith("/")) {
                        throw new Malformed("line " + n + ": export path '" + path + "' is not absolute");
                    }
                    rest = ws < 0 ? "" : line.substring(ws).strip();
                    if (rest.isEmpty()) {
                        awaitingClient = true; // long path: its client follows on the next, indented line
                        continue;
                    }
                } else {
                    if (path == null) {
                        throw new Malformed("line " + n + ": client line before any export path");
                    }
                    rest = line.strip();
                }
                Matcher m = CLIENT.matcher(rest);
                if (!m.matches()) {
                    throw new Malformed("line " + n + ": expected client(options), got '" + rest
                            + "' (output truncated, or exportfs run without -v?)");
                }
                out.add(new NfsExport(path, m.group(1), Arrays.asList(m.group(2).split(","))));
                awaitingClient = false;
            }
            if (awaitingClient) {
                throw new Malformed("truncated: export " + path + " has no client");
            }
            return out;
        });
    }

    private static int firstWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
