package org.linuxrouter.sdk.generator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What to generate: the kept types, their kept members in listing order, and their super constructor calls. */
final class Plan {
    private final Map<String, List<Member>> members;
    private final Map<String, SuperCall> superCalls;
    private final List<Member> bridges;

    Plan(Map<String, List<Member>> members, Map<String, SuperCall> superCalls, List<Member> bridges) {
        this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        this.superCalls = Map.copyOf(superCalls);
        this.bridges = List.copyOf(bridges);
    }

    Set<String> types() {
        return members.keySet();
    }

    List<Member> members(String type) {
        return members.getOrDefault(type, List.of());
    }

    SuperCall superCall(String type) {
        return superCalls.getOrDefault(type, SuperCall.NONE);
    }

    /** A class without a kept constructor gets a package-private one, so javac adds no public default. */
    boolean needsHiddenConstructor(String type) {
        return members(type).stream().noneMatch(Member::isConstructor);
    }

    /** Bridge lines of kept types that were left to javac. */
    List<Member> bridges() {
        return bridges;
    }

    /** Nested types directly inside {@code outer}, in name order. */
    List<String> nestedIn(String outer) {
        return members.keySet().stream().filter(t -> outer.equals(TypeText.outerOf(t))).sorted()
                .collect(Collectors.toList());
    }

    int memberCount() {
        return members.values().stream().mapToInt(List::size).sum();
    }
}
