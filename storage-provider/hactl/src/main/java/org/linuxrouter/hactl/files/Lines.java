package org.linuxrouter.hactl.files;

import java.util.ArrayList;
import java.util.List;

/**
 * The logical lines of a line-oriented configuration file: '#' comments removed, backslash-continued lines
 * joined, blank lines dropped, each with the number of the line it started on.
 */
final class Lines {

    record Line(int number, String text) {
        List<String> words() {
            return List.of(text.strip().split("\\s+"));
        }
    }

    private Lines() {
    }

    static List<Line> of(String text) {
        List<Line> out = new ArrayList<>();
        StringBuilder pending = null;
        int start = 0;
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            boolean continues = line.endsWith("\\");
            if (continues) {
                line = line.substring(0, line.length() - 1);
            }
            if (pending == null) {
                pending = new StringBuilder();
                start = i + 1;
            }
            pending.append(line).append(' ');
            if (!continues) {
                String joined = pending.toString().strip();
                if (!joined.isEmpty()) {
                    out.add(new Line(start, joined));
                }
                pending = null;
            }
        }
        if (pending != null && !pending.toString().isBlank()) {
            out.add(new Line(start, pending.toString().strip()));
        }
        return out;
    }
}
