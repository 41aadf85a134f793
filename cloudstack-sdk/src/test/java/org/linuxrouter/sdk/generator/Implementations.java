package org.linuxrouter.sdk.generator;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps, for every generated class, the real implementations of the abstract methods it inherits, taken from
 * its own listing block or its superclasses' blocks. A concrete class must compile; an abstract class such as
 * GenericDaoBase must leave nothing abstract that CloudStack implements, or plugin subclasses would not compile.
 */
final class Implementations {
    private final Model model;
    private final BridgeDetector bridges;

    Implementations(Model model, BridgeDetector bridges) {
        this.model = model;
        this.bridges = bridges;
    }

    /** The members to add so that {@code type}'s inherited abstract methods are implemented. */
    List<Member> missing(String type, Map<String, Set<Member>> kept) {
        TypeHeader header = model.header(type);
        List<Member> add = new ArrayList<>();
        if (header.kind() != Kind.CLASS && header.kind() != Kind.ENUM) {
            return add;
        }
        for (ErasedSignature abstractMethod : inheritedAbstractMethods(type, kept)) {
            if (implementedByProvidedSuperclass(type, abstractMethod)) {
                continue;
            }
            Optional<Member> impl = realImplementation(type, abstractMethod);
            if (impl.isPresent()) {
                if (!kept.getOrDefault(impl.get().owner(), Set.of()).contains(impl.get())) {
                    add.add(impl.get());
                }
            } else if (!header.isAbstract() && !implementedByDefault(type, abstractMethod, kept)) {
                throw new IllegalStateException("concrete class " + type + " inherits abstract " + abstractMethod
                        + " and the listing shows no implementation in it or its superclasses");
            }
        }
        return add;
    }

    private List<ErasedSignature> inheritedAbstractMethods(String type, Map<String, Set<Member>> kept) {
        List<ErasedSignature> found = new ArrayList<>();
        for (String sup : model.allSupertypes(type)) {
            if (kept.containsKey(sup)) {
                for (Member m : kept.get(sup)) {
                    if (m.isMethod() && m.has("abstract")) {
                        found.add(ErasedSignature.of(m, model));
                    }
                }
            } else if (!model.isCloudStack(sup)) {
                Model.load(sup).ifPresent(c -> found.addAll(abstractMethodsOf(c)));
            }
        }
        return found;
    }

    private static List<ErasedSignature> abstractMethodsOf(Class<?> c) {
        List<ErasedSignature> found = new ArrayList<>();
        if (!c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
            return found;
        }
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isAbstract(m.getModifiers()) && !isObjectMethod(m)) {
                found.add(ErasedSignature.of(m));
            }
        }
        return found;
    }

    private static boolean isObjectMethod(Method m) {
        try {
            return Modifier.isPublic(Object.class.getMethod(m.getName(), m.getParameterTypes()).getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * The nearest non-abstract, non-bridge method in the class chain that implements the abstract method: an
     * exact erasure match if there is one, else the one matching most parameter types exactly.
     */
    private Optional<Member> realImplementation(String type, ErasedSignature abstractMethod) {
        for (String cls = type; cls != null && model.isCloudStack(cls); cls = superclassOf(cls)) {
            Member best = null;
            int bestScore = -1;
            for (Member m : model.members(cls)) {
                if (!m.isMethod() || m.has("abstract") || m.has("static") || bridges.isBridge(m)) {
                    continue;
                }
                ErasedSignature sig = ErasedSignature.of(m, model);
                if (sig.sameParameters(abstractMethod)) {
                    return Optional.of(m);
                }
                if (abstractMethod.implementableBy(sig) && score(abstractMethod, sig) > bestScore) {
                    best = m;
                    bestScore = score(abstractMethod, sig);
                }
            }
            if (best != null) {
                return Optional.of(best);
            }
        }
        return Optional.empty();
    }

    private static int score(ErasedSignature abstractMethod, ErasedSignature impl) {
        int same = 0;
        for (int i = 0; i < impl.parameters().size(); i++) {
            same += impl.parameters().get(i).equals(abstractMethod.parameters().get(i)) ? 1 : 0;
        }
        return same;
    }

    private boolean implementedByDefault(String type, ErasedSignature abstractMethod, Map<String, Set<Member>> kept) {
        for (String sup : model.allSupertypes(type)) {
            for (Member m : kept.getOrDefault(sup, Set.of())) {
                if (m.has("default") && abstractMethod.implementableBy(ErasedSignature.of(m, model))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** E.g. Constable.describeConstable() is implemented by java.lang.Enum, the superclass of every enum. */
    private boolean implementedByProvidedSuperclass(String type, ErasedSignature abstractMethod) {
        String cls = type;
        while (cls != null && model.isCloudStack(cls)) {
            cls = superclassOf(cls);
        }
        for (Class<?> c = cls == null ? null : Model.load(cls).orElse(null); c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isAbstract(m.getModifiers()) && ErasedSignature.of(m).sameParameters(abstractMethod)) {
                    return true;
                }
            }
        }
        return false;
    }

    private String superclassOf(String cls) {
        String sup = model.header(cls).superclass();
        return sup == null ? null : Erasure.withoutTypeArguments(sup);
    }
}
