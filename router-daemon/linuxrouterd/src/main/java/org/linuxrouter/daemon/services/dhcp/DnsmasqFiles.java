package org.linuxrouter.daemon.services.dhcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * Puts a {@link DnsmasqConfig} on disk, touching only files whose content changed, and tells what dnsmasq must do
 * about it ({@link Change}). Each file is written to a dot-file (dnsmasq skips those in watched directories) and
 * renamed into place, so dnsmasq never reads half a file. Files are world-readable: dnsmasq drops to its own user
 * after start and re-reads them as that user; they hold no secrets (MACs, addresses, names, options).
 */
public final class DnsmasqFiles {
    static final String MAIN = "dnsmasq.conf";
    static final String SERVERS = "servers";
    static final String HOSTS = "hosts.d";
    static final String OPTIONS = "opts.d";
    static final String NAMES = "names.d";

    /** What the files' change asks of a running dnsmasq, least disruptive first. */
    public enum Change {
        /** Nothing changed. */
        NONE,
        /** Only new files in watched directories: dnsmasq reads them by itself (inotify). */
        ADDED,
        /** Files changed or removed in watched directories, or the upstream servers: SIGHUP re-reads them. */
        RELOAD,
        /** The main file changed (interfaces, DHCP ranges): only a restart reads it. */
        RESTART
    }

    private final Path directory;
    /**
     * File (relative path) to a 64-bit fingerprint of what was written to it, not the text itself: at 4,094
     * networks x 25 NICs the texts of ~300,000 files would be the largest thing the daemon holds.
     */
    private final Map<String, Long> written = new HashMap<>();

    public DnsmasqFiles(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    public Path mainFile() {
        return directory.resolve(MAIN);
    }

    /** Writes {@code config}; the first call also clears files left by an earlier run. */
    public Change write(DnsmasqConfig config) {
        try {
            boolean first = written.isEmpty();
            if (first) {
                prepare();
            }
            Change change = Change.NONE;
            change = max(change, file(MAIN, config.main(), Change.RESTART));
            change = max(change, file(SERVERS, config.servers(), Change.RELOAD));
            change = max(change, directory(HOSTS, config.hosts()));
            change = max(change, directory(OPTIONS, config.options()));
            change = max(change, directory(NAMES, config.names()));
            return first ? Change.RESTART : change;
        } catch (IOException e) {
            throw new UncheckedIOException("dnsmasq files in " + directory + ": " + e.getMessage(), e);
        }
    }

    private void prepare() throws IOException {
        for (String sub : new String[] {HOSTS, OPTIONS, NAMES}) {
            Path dir = directory.resolve(sub);
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (DirectoryStream<Path> old = Files.newDirectoryStream(dir)) {
                for (Path file : old) {
                    Files.delete(file);
                }
            }
        }
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Change directory(String sub, SortedMap<String, String> files) throws IOException {
        Change change = Change.NONE;
        String prefix = sub + "/";
        for (String key : written.keySet().toArray(new String[0])) {
            if (key.startsWith(prefix) && !files.containsKey(key.substring(prefix.length()))) {
                Files.deleteIfExists(directory.resolve(key));
                written.remove(key);
                change = Change.RELOAD;
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            String key = prefix + file.getKey();
            change = max(change, file(key, file.getValue(), written.containsKey(key) ? Change.RELOAD : Change.ADDED));
        }
        return change;
    }

    private Change file(String key, String content, Change ifChanged) throws IOException {
        long fingerprint = fingerprint(content);
        Long before = written.get(key);
        if (before != null && before == fingerprint) {
            return Change.NONE;
        }
        Path target = directory.resolve(key);
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        written.put(key, fingerprint);
        return ifChanged;
    }

    /**
     * FNV-1a, 64 bits, over the characters: a changed file goes unwritten only if its old and new text collide,
     * about 2^-64 per change. Not for adversaries: the texts come from validated desired state.
     */
    static long fingerprint(String content) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < content.length(); i++) {
            hash ^= content.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static Change max(Change a, Change b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
