package org.linuxrouter.sdk.conformance;

import java.util.List;
import java.util.Objects;

/** One class of a javap listing: its header line and its member lines, as printed, without the braces. */
public final class ClassBlock {
    private final String name;
    private final String header;
    private final List<String> members;
    private final String origin;

    /**
     * @param name binary class name ({@code a.b.Outer$Inner})
     * @param header the header line without the trailing brace
     * @param members member lines, trimmed, each ending with a semicolon
     * @param origin where the block was read from (file name), for reports
     */
    public ClassBlock(String name, String header, List<String> members, String origin) {
        this.name = Objects.requireNonNull(name, "name");
        this.header = Objects.requireNonNull(header, "header");
        this.members = List.copyOf(members);
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    public String name() {
        return name;
    }

    public String header() {
        return header;
    }

    public List<String> members() {
        return members;
    }

    public String origin() {
        return origin;
    }

    /** Interfaces and annotation types: javap prints both as {@code interface}. */
    public boolean isInterface() {
        return (" " + header + " ").contains(" interface ");
    }

    @Override
    public String toString() {
        return name + " (" + members.size() + " members, from " + origin + ")";
    }
}
