package org.linuxrouter.hactl.files;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads Heartbeat's {@code authkeys}: {@code auth <n>} selects which {@code <n> <method> [key]} line is used. */
public final class Authkeys {

    /** The key in use: its method ({@code sha1}, {@code md5}, {@code crc}) and secret (empty for crc). */
    public record Active(String method, String secret) {
    }

    private Authkeys() {
    }

    public static Active parse(String file, String text) throws ConfigFileException {
        String selected = null;
        Map<String, Active> keys = new HashMap<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            // only whole-line comments: a key may contain '#'
            String stripped = raw[i].strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            Lines.Line line = new Lines.Line(i + 1, stripped);
            List<String> w = line.words();
            if (w.get(0).equals("auth")) {
                if (w.size() != 2) {
                    throw new ConfigFileException(file, line.number(), "expected 'auth <key number>'");
                }
                selected = w.get(1);
            } else if (w.size() == 2 || w.size() == 3) {
                keys.put(w.get(0), new Active(w.get(1), w.size() == 3 ? w.get(2) : ""));
            } else {
                throw new ConfigFileException(file, line.number(), "expected '<n> <method> <key>'");
            }
        }
        if (selected == null) {
            throw new ConfigFileException(file, 0, "no 'auth' line");
        }
        Active active = keys.get(selected);
        if (active == null) {
            throw new ConfigFileException(file, 0, "auth " + selected + " names no key line");
        }
        return active;
    }
}
