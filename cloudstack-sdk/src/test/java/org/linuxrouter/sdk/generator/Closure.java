package org.linuxrouter.sdk.generator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Computes what the SDK must contain for the roots: every type they reach through headers, nesting and kept
 * member signatures; complete interfaces and abstract methods; enum constants; the rooted members; and then,
 * until nothing changes, implementations of inherited abstract methods and callable super constructors.
 */
final class Closure {
    private final Model model;
    private final Roots roots;
    private final BridgeDetector bridges;
    private final Implementations implementations;
    private final Constructors constructors;
    private final Map<String, Set<Member>> kept = new TreeMap<>();
    private final Map<String, SuperCall> superCalls = new HashMap<>();
    private final Deque<String> queue = new ArrayDeque<>();
    private final Map<String, String> reasons = new HashMap<>();
    private final Map<String, String> missing = new TreeMap<>();

    Closure(Model model, Roots roots) {
        this.model = model;
        this.roots = roots;
        this.bridges = new BridgeDetector(model);
        this.implementations = new Implementations(model, bridges);
        this.constructors = new Constructors(model);
    }

    Plan compute() {
        for (String root : roots.types()) {
            require(root, "sdk-roots.txt");
            requireRootMembersExist(root);
        }
        drain();
        boolean changed;
        do {
            changed = false;
            for (String type : new ArrayList<>(kept.keySet())) {
                for (Member m : implementations.missing(type, kept)) {
                    changed |= keep(m, "implementation of an inherited abstract method in " + type);
                }
            }
            drain();
            for (Member m : constructors.plan(kept, superCalls)) {
                changed |= keep(m, "super constructor of a subclass");
            }
            drain();
        } while (changed);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("expected every needed type in the listing, in sdk-supplement.sigs or in a"
                    + " provided library; these are in none (type: needed by):\n  " + missing.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n  ")));
        }
        return plan();
    }

    private void require(String type, String because) {
        if (kept.containsKey(type) || Model.isProvided(type)) {
            return;
        }
        if (!model.isCloudStack(type)) {
            missing.putIfAbsent(type, because);
            return;
        }
        if (TypeText.isAnonymous(type)) {
            throw new IllegalStateException("anonymous class " + type + " is needed by " + because
                    + "; expected only named classes to be required");
        }
        kept.put(type, new LinkedHashSet<>());
        reasons.put(type, because);
        queue.add(type);
    }

    private void drain() {
        while (!queue.isEmpty()) {
            String type = queue.removeFirst();
            TypeHeader header = model.header(type);
            header.referencedTypes().forEach(r -> require(r, "the header of " + type));
            String outer = TypeText.outerOf(type);
            if (outer != null) {
                require(outer, "nested " + type);
            }
            for (Member m : model.members(type)) {
                if (selected(header, m)) {
                    keep(m, "its type " + type);
                }
            }
        }
    }

    private boolean selected(TypeHeader header, Member m) {
        if (bridges.isBridge(m)) {
            return false;
        }
        if (header.kind().isInterfaceLike() && m.isMethod() && (m.has("abstract") || m.has("default"))) {
            return true;
        }
        if (header.kind() == Kind.ENUM) {
            if (isEnumConstant(header, m)) {
                return true;
            }
            if (m.has("static") && (m.name().equals("values") || m.name().equals("valueOf"))) {
                return false;
            }
        }
        return (m.isMethod() && m.has("abstract")) || roots.memberNames(header.name()).contains(m.name());
    }

    static boolean isEnumConstant(TypeHeader header, Member m) {
        return header.kind() == Kind.ENUM && m.isField() && m.has("static") && m.has("final")
                && m.type().equals(header.name());
    }

    private boolean keep(Member m, String because) {
        Set<Member> members = kept.get(m.owner());
        if (members == null) {
            throw new IllegalStateException("member " + m + " is kept for " + because + " but its class is not");
        }
        if (!members.add(m)) {
            return false;
        }
        m.referencedTypes().forEach(r -> require(r, m.toString()));
        return true;
    }

    private void requireRootMembersExist(String root) {
        if (!model.isCloudStack(root)) {
            return;
        }
        Set<String> names = model.members(root).stream().map(Member::name).collect(Collectors.toSet());
        for (String wanted : roots.memberNames(root)) {
            if (!names.contains(wanted)) {
                throw new IllegalArgumentException("sdk-roots.txt: " + root + " has no member named '" + wanted
                        + "' in the listing; expected one of " + new java.util.TreeSet<>(names));
            }
        }
    }

    private Plan plan() {
        Map<String, List<Member>> ordered = new LinkedHashMap<>();
        List<Member> skippedBridges = new ArrayList<>();
        for (Map.Entry<String, Set<Member>> e : kept.entrySet()) {
            List<Member> all = model.members(e.getKey());
            ordered.put(e.getKey(), all.stream().filter(e.getValue()::contains).collect(Collectors.toList()));
            all.stream().filter(bridges::isBridge).forEach(skippedBridges::add);
        }
        return new Plan(ordered, superCalls, skippedBridges);
    }

    /** Why a type is in the SDK (the first requirement that pulled it in), for the generator's report. */
    String reason(String type) {
        return reasons.getOrDefault(type, "?");
    }
}
