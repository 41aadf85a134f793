package org.linuxrouter.sdk.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A javap {@code -protected} listing: class blocks keyed by binary class name. Reads both the committed
 * CloudStack listing (with {@code #} comment lines) and live javap output (with {@code Compiled from} lines).
 */
public final class Listing {
    private static final Pattern HEADER_NAME = Pattern.compile("(?:^|\\s)(?:class|interface)\\s+([\\w.$]+)");

    private final Map<String, ClassBlock> blocks;

    private Listing(Map<String, ClassBlock> blocks) {
        this.blocks = Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
    }

    /** Reads a listing file; {@code origin} of every block is the file name. */
    public static Listing read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read listing " + file, e);
        }
    }

    /** Parses listing text; fails with the line number on anything that is not a header, member or brace. */
    public static Listing parse(List<String> lines, String origin) {
        Map<String, ClassBlock> blocks = new LinkedHashMap<>();
        String name = null;
        String header = null;
        List<String> members = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("Compiled from ")) {
                continue;
            }
            if (name == null) {
                header = headerOf(trimmed, origin, i + 1);
                name = nameOf(header, origin, i + 1);
                members = new ArrayList<>();
            } else if (trimmed.equals("}")) {
                if (blocks.put(name, new ClassBlock(name, header, members, origin)) != null) {
                    throw new IllegalArgumentException(where(origin, i + 1) + "class " + name + " appears twice");
                }
                name = null;
            } else if (trimmed.endsWith(";")) {
                members.add(trimmed);
            } else {
                throw new IllegalArgumentException(where(origin, i + 1)
                        + "expected a member line ending with ';' or '}', saw '" + trimmed + "'");
            }
        }
        if (name != null) {
            throw new IllegalArgumentException(origin + ": class " + name + " is not closed with '}'");
        }
        return new Listing(blocks);
    }

    private static String headerOf(String trimmed, String origin, int lineNo) {
        if (!trimmed.endsWith("{")) {
            throw new IllegalArgumentException(where(origin, lineNo)
                    + "expected a class header ending with '{', saw '" + trimmed + "'");
        }
        return trimmed.substring(0, trimmed.length() - 1).trim();
    }

    private static String nameOf(String header, String origin, int lineNo) {
        Matcher m = HEADER_NAME.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException(where(origin, lineNo)
                    + "expected 'class <name>' or 'interface <name>' in header, saw '" + header + "'");
        }
        return m.group(1);
    }

    private static String where(String origin, int lineNo) {
        return origin + ":" + lineNo + ": ";
    }

    /** Both listings together; a class present in both is an error (a supplement must not shadow the truth). */
    public Listing plus(Listing other) {
        Map<String, ClassBlock> all = new LinkedHashMap<>(blocks);
        for (ClassBlock block : other.blocks()) {
            ClassBlock previous = all.put(block.name(), block);
            if (previous != null) {
                throw new IllegalArgumentException("class " + block.name() + " is in both " + previous.origin()
                        + " and " + block.origin() + "; expected each class in exactly one listing");
            }
        }
        return new Listing(all);
    }

    public Optional<ClassBlock> block(String binaryName) {
        return Optional.ofNullable(blocks.get(binaryName));
    }

    public boolean contains(String binaryName) {
        return blocks.containsKey(binaryName);
    }

    public Collection<ClassBlock> blocks() {
        return blocks.values();
    }

    public int size() {
        return blocks.size();
    }
}
