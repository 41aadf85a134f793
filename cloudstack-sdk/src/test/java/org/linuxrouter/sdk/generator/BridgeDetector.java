package org.linuxrouter.sdk.generator;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recognises the bridge methods javac generated into a listed class (javap prints them, e.g.
 * {@code public default java.lang.Object getState();} in {@code Network}). They must not be written as source:
 * javac generates them again from the real override, and writing both is a compile error.
 */
final class BridgeDetector {
    private final Model model;
    private final Map<Member, Boolean> cache = new HashMap<>();

    BridgeDetector(Model model) {
        this.model = model;
    }

    /**
     * A bridge is printed from its descriptor (so it is never generic), has the erasure of a supertype method,
     * and sits beside a more specific method of the same name and arity that overrides that supertype method.
     */
    boolean isBridge(Member m) {
        return cache.computeIfAbsent(m, this::detect);
    }

    private boolean detect(Member m) {
        if (!m.isMethod() || m.line().contains("<") || m.has("static")) {
            return false;
        }
        ErasedSignature bridge = ErasedSignature.of(m, model);
        for (Member other : model.members(m.owner())) {
            if (other.equals(m) || !other.isMethod() || !other.name().equals(m.name())
                    || other.parameters().size() != m.parameters().size()) {
                continue;
            }
            ErasedSignature specific = ErasedSignature.of(other, model);
            if (!specific.equals(bridge) && isNarrowing(specific, bridge) && supertypeDeclares(m.owner(), bridge)) {
                return true;
            }
        }
        return false;
    }

    private boolean isNarrowing(ErasedSignature specific, ErasedSignature bridge) {
        List<String> sp = specific.parameters();
        for (int i = 0; i < sp.size(); i++) {
            if (!model.isSubtypeOrSame(sp.get(i), bridge.parameters().get(i))) {
                return false;
            }
        }
        return specific.returnType().equals("void") ? bridge.returnType().equals("void")
                : model.isSubtypeOrSame(specific.returnType(), bridge.returnType());
    }

    private boolean supertypeDeclares(String owner, ErasedSignature bridge) {
        for (String sup : model.allSupertypes(owner)) {
            if (model.isCloudStack(sup)) {
                for (Member s : model.members(sup)) {
                    if (s.isMethod() && s.name().equals(bridge.name()) && ErasedSignature.of(s, model).equals(bridge)) {
                        return true;
                    }
                }
            } else if (Model.load(sup).isPresent()) {
                for (Method s : Model.load(sup).get().getDeclaredMethods()) {
                    if (!s.isBridge() && ErasedSignature.of(s).equals(bridge)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
