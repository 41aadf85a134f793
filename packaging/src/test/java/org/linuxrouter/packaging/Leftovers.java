package org.linuxrouter.packaging;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a purge left behind in a {@link DebianRoot}: every change in the root's upper layer except dpkg's, apt's
 * and the account database's own bookkeeping, and every path whose name contains the given word.
 */
final class Leftovers {
    /** Files a package manager run changes whatever the package does; everything else must be gone. */
    private static final Pattern BOOKKEEPING = Pattern.compile(String.join("|",
            "var/lib/dpkg/.*", "var/log/.*", "var/cache/debconf/.*", "var/cache/ldconfig/.*", "tmp/.*",
            "etc/(passwd|group|shadow|gshadow|subuid|subgid)-?", "etc/\\.pwd\\.lock", "etc/ld\\.so\\.cache",
            // a tmpfs on a running system: locks and caches of adduser and systemd-analyze
            "run/.*",
            // man-db's own cache, filled when systemd-analyze checks Documentation=; its daily job prunes it
            "var/cache/man/.*"));

    private Leftovers() {
    }

    /** Leftovers in {@code root}: changes beyond bookkeeping, and paths or accounts named after any of {@code words}. */
    static List<String> after(DebianRoot root, String... words) {
        List<String> found = new ArrayList<>();
        for (String path : root.changedPaths()) {
            if (!BOOKKEEPING.matcher(path).matches()) {
                found.add("changed: /" + path);
            }
        }
        for (String word : words) {
            String named = root.ok("find", "/", "-xdev", "-name", "*" + word + "*", "-not", "-path", "/tmp/*",
                    "-not", "-path", "/var/cache/man/*");
            named.lines().filter(l -> !l.isBlank()).forEach(l -> found.add("named: " + l));
            for (String db : List.of("passwd", "group")) {
                if (root.run("getent", db, word).succeeded()) {
                    found.add(db + ": " + word);
                }
            }
            // the account files' bookkeeping changes are allowed above; a line naming the word is not
            root.run("grep", "-s", "-l", "-w", word, "/etc/passwd", "/etc/group", "/etc/shadow", "/etc/gshadow",
                    "/etc/subuid", "/etc/subgid").stdout().lines().forEach(f -> found.add("mentioned in: " + f));
        }
        return found;
    }
}
