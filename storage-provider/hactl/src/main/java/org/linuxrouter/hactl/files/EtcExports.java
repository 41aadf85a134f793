package org.linuxrouter.hactl.files;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code /etc/exports} (exports(5)): {@code path client(options) client(options) ...}, comments, continued
 * lines. Each client becomes one entry; {@code sync}/{@code async} and {@code fsid=} are pulled out of the option
 * list because the inventory keeps them as fields.
 */
public final class EtcExports {

    /** One exported path for one client set. {@code fsid} is null when the line has none. */
    public record Entry(int line, String path, String clients, List<String> options, String fsid, boolean async) {
    }

    private static final Pattern CLIENT = Pattern.compile("([^()\\s]*)(?:\\(([^()]*)\\))?");

    private EtcExports() {
    }

    public static List<Entry> parse(String file, String text) throws ConfigFileException {
        List<Entry> out = new ArrayList<>();
        for (Lines.Line line : Lines.of(text)) {
            List<String> words = line.words();
            String path = words.get(0);
            if (path.startsWith("\"") && path.endsWith("\"") && path.length() > 1) {
                path = path.substring(1, path.length() - 1);
            }
            if (!path.startsWith("/")) {
                throw new ConfigFileException(file, line.number(), "export path '" + path + "' is not absolute");
            }
            if (words.size() == 1) {
                throw new ConfigFileException(file, line.number(), "export of " + path
                        + " names no client (exports it to the world with default options)");
            }
            for (String word : words.subList(1, words.size())) {
                Matcher m = CLIENT.matcher(word);
                if (!m.matches()) {
                    throw new ConfigFileException(file, line.number(), "cannot read client '" + word + "'");
                }
                String clients = m.group(1).isEmpty() ? "*" : m.group(1);
                List<String> options = new ArrayList<>();
                String fsid = null;
                boolean async = false;
                if (m.group(2) != null) {
                    for (String o : m.group(2).split(",")) {
                        if (o.isBlank()) {
                            continue;
                        }
                        if (o.equals("async")) {
                            async = true;
                        } else if (o.equals("sync")) {
                            async = false;
                        } else if (o.startsWith("fsid=")) {
                            fsid = o.substring(5);
                        } else {
                            options.add(o);
                        }
                    }
                }
                out.add(new Entry(line.number(), path, clients, List.copyOf(options), fsid, async));
            }
        }
        return out;
    }
}
