package org.linuxrouter.sdk.generator;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses, for every generated class, a superclass constructor its constructors can call with null and zero
 * arguments, and keeps that constructor in the superclass if it was not kept already.
 */
final class Constructors {
    private final Model model;

    Constructors(Model model) {
        this.model = model;
    }

    /** Fills {@code calls} for every kept class; returns superclass constructors that must be kept. */
    List<Member> plan(Map<String, Set<Member>> kept, Map<String, SuperCall> calls) {
        List<Member> add = new ArrayList<>();
        for (String type : kept.keySet()) {
            TypeHeader header = model.header(type);
            if (header.kind() != Kind.CLASS || header.superclass() == null) {
                continue;
            }
            String sup = Erasure.withoutTypeArguments(header.superclass());
            if (model.isCloudStack(sup)) {
                calls.put(type, cloudStackSuper(type, sup, kept, add));
            } else {
                calls.put(type, providedSuper(type, sup));
            }
        }
        return add;
    }

    private SuperCall cloudStackSuper(String type, String sup, Map<String, Set<Member>> kept, List<Member> add) {
        List<Member> keptCtors = kept.getOrDefault(sup, Set.of()).stream().filter(Member::isConstructor)
                .collect(Collectors.toList());
        List<Member> candidates = keptCtors.isEmpty()
                ? model.members(sup).stream().filter(Member::isConstructor).collect(Collectors.toList())
                : keptCtors;
        Optional<Member> best = candidates.stream()
                .min(Comparator.comparing((Member m) -> !m.exceptions().isEmpty())
                        .thenComparing(m -> m.parameters().size()));
        if (best.isEmpty()) {
            if (!TypeText.packageOf(type).equals(TypeText.packageOf(sup))) {
                throw new IllegalStateException(type + " extends " + sup + ", whose constructors are all hidden from"
                        + " javap -protected; expected both in one package so the generated package-private one"
                        + " can be called, saw different packages");
            }
            return SuperCall.of(List.of());
        }
        requireNoCheckedExceptions(type, best.get().line(), best.get().exceptions());
        if (keptCtors.isEmpty()) {
            add.add(best.get());
        }
        Map<String, String> bounds = model.bounds(sup, best.get());
        return SuperCall.of(best.get().parameters().stream().map(p -> Erasure.of(p, bounds))
                .collect(Collectors.toList()));
    }

    private static SuperCall providedSuper(String type, String sup) {
        Class<?> c = Model.load(sup).orElseThrow(() -> new IllegalStateException(
                type + " extends " + sup + ", expected a loadable provided class, saw none"));
        if (c == Object.class) {
            return SuperCall.NONE;
        }
        Constructor<?> best = Arrays.stream(c.getDeclaredConstructors())
                .filter(k -> Modifier.isPublic(k.getModifiers()) || Modifier.isProtected(k.getModifiers()))
                .min(Comparator.comparing((Constructor<?> k) -> k.getExceptionTypes().length > 0)
                        .thenComparing(Constructor::getParameterCount))
                .orElseThrow(() -> new IllegalStateException(type + " extends " + sup
                        + ", expected a public or protected constructor there, saw none"));
        requireNoCheckedExceptions(type, best.toString(),
                Arrays.stream(best.getExceptionTypes()).map(Class::getName).collect(Collectors.toList()));
        return SuperCall.of(Arrays.stream(best.getParameterTypes()).map(Class::getTypeName)
                .collect(Collectors.toList()));
    }

    private static void requireNoCheckedExceptions(String type, String ctor, List<String> exceptions) {
        for (String e : exceptions) {
            Class<?> c = Model.load(e).orElse(null);
            if (c == null || !(RuntimeException.class.isAssignableFrom(c) || Error.class.isAssignableFrom(c))) {
                throw new IllegalStateException("the super constructor chosen for " + type + " (" + ctor
                        + ") throws " + e + "; expected a super constructor without checked exceptions");
            }
        }
    }
}
