package org.linuxrouter.sdk.generator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.linuxrouter.sdk.conformance.ClassBlock;
import org.linuxrouter.sdk.conformance.Listing;

/**
 * The CloudStack classes as the listing (plus supplement) describes them, and the provided libraries (JDK,
 * javax.inject, javax.persistence, log4j-api, gson) as this JVM's classpath has them.
 */
final class Model {
    private static final List<String> PROVIDED_PREFIXES =
            List.of("java.", "javax.", "org.apache.logging.log4j.", "com.google.gson.");
    private static final Set<String> PRIMITIVES =
            Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double", "void");

    private final Listing listing;
    private final Map<String, TypeHeader> headers = new HashMap<>();
    private final Map<String, List<Member>> members = new HashMap<>();

    Model(Listing listing) {
        this.listing = listing;
    }

    boolean isCloudStack(String binaryName) {
        return listing.contains(binaryName);
    }

    ClassBlock block(String binaryName) {
        return listing.block(binaryName).orElseThrow(() -> new IllegalArgumentException(
                "expected class " + binaryName + " in the listing or the supplement, saw none"));
    }

    TypeHeader header(String binaryName) {
        return headers.computeIfAbsent(binaryName, n -> TypeHeader.parse(block(n).header()));
    }

    List<Member> members(String binaryName) {
        return members.computeIfAbsent(binaryName, n -> block(n).members().stream()
                .map(line -> Member.parse(line, n)).collect(Collectors.toList()));
    }

    /** A class of a provided library: never generated, must be loadable here. */
    static boolean isProvided(String binaryName) {
        return PROVIDED_PREFIXES.stream().anyMatch(binaryName::startsWith) && load(binaryName).isPresent();
    }

    static Optional<Class<?>> load(String binaryName) {
        try {
            return Optional.of(Class.forName(binaryName, false, Model.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    static boolean isPrimitive(String type) {
        return PRIMITIVES.contains(type);
    }

    /** Type-variable bounds visible in a member of {@code owner}: enclosing classes, the class, the member. */
    Map<String, String> bounds(String owner, Member member) {
        Map<String, String> outer = Map.of();
        String enclosing = TypeText.outerOf(owner);
        if (enclosing != null && isCloudStack(enclosing)) {
            outer = Erasure.bounds(header(enclosing).typeParameters(), Map.of());
        }
        Map<String, String> cls = Erasure.bounds(header(owner).typeParameters(), outer);
        return member == null ? cls : Erasure.bounds(member.typeParameters(), cls);
    }

    /** Erased direct supertypes (superclass first), from the listing or by reflection; Object is implicit. */
    List<String> directSupertypes(String binaryName) {
        List<String> supers = new ArrayList<>();
        if (isCloudStack(binaryName)) {
            TypeHeader h = header(binaryName);
            if (h.superclass() != null) {
                supers.add(Erasure.withoutTypeArguments(h.superclass()));
            }
            h.interfaces().forEach(i -> supers.add(Erasure.withoutTypeArguments(i)));
            if (h.kind() == Kind.ANNOTATION) {
                supers.add("java.lang.annotation.Annotation");
            }
            return supers;
        }
        load(binaryName).ifPresent(c -> {
            if (c.getSuperclass() != null) {
                supers.add(c.getSuperclass().getName());
            }
            for (Class<?> i : c.getInterfaces()) {
                supers.add(i.getName());
            }
        });
        return supers;
    }

    /** Every proper supertype, nearest first, without duplicates. */
    Set<String> allSupertypes(String binaryName) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(directSupertypes(binaryName));
        while (!todo.isEmpty()) {
            String next = todo.removeFirst();
            if (seen.add(next)) {
                todo.addAll(directSupertypes(next));
            }
        }
        return seen;
    }

    /** Subtyping on erased types (binary names, {@code []} suffixes). */
    boolean isSubtypeOrSame(String sub, String sup) {
        if (sub.equals(sup)) {
            return true;
        }
        if (sup.equals("java.lang.Object")) {
            return !isPrimitive(sub);
        }
        if (sub.endsWith("[]") && sup.endsWith("[]")) {
            return isSubtypeOrSame(sub.substring(0, sub.length() - 2), sup.substring(0, sup.length() - 2));
        }
        if (isPrimitive(sub) || isPrimitive(sup) || sub.endsWith("[]") || sup.endsWith("[]")) {
            return false;
        }
        return allSupertypes(sub).contains(sup);
    }
}
