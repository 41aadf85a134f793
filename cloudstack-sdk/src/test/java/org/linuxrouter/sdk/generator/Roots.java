package org.linuxrouter.sdk.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sdk-roots.txt}: one root type per line (binary name), optionally followed by the member names the
 * plugins use ({@code <init>} for constructors); {@code #} starts a comment. A type may appear on several lines.
 */
final class Roots {
    private final Map<String, Set<String>> members;

    private Roots(Map<String, Set<String>> members) {
        this.members = Collections.unmodifiableMap(members);
    }

    static Roots read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read roots file " + file, e);
        }
    }

    static Roots parse(List<String> lines, String origin) {
        Map<String, Set<String>> members = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceAll("#.*", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (!words[0].matches("[a-z_][\\w]*(\\.[\\w$]+)+")) {
                throw new IllegalArgumentException(origin + ":" + (i + 1)
                        + ": expected a binary class name such as com.cloud.network.Network$Provider, saw '"
                        + words[0] + "'");
            }
            Set<String> names = members.computeIfAbsent(words[0], k -> new LinkedHashSet<>());
            for (int w = 1; w < words.length; w++) {
                names.add(words[w]);
            }
        }
        return new Roots(members);
    }

    Set<String> types() {
        return members.keySet();
    }

    /** The member names listed for a type; empty for types that are not roots. */
    Set<String> memberNames(String type) {
        return members.getOrDefault(type, Set.of());
    }
}
