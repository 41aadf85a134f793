package org.linuxrouter.sdk.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes one kept member as Java source: the listing line's exact signature; a method body that throws, and a
 * constructor body that completes normally (at most a typed {@code super(...)} call), so that plugin classes
 * extending an SDK class (AdapterBase, BaseCmd, GenericDaoBase, BaseResponse) can be instantiated in their unit
 * tests, while any CloudStack behaviour they reach still fails loudly.
 */
final class MemberWriter {
    private final Plan plan;
    private final ConstantValues constants;
    private final AnnotationMeta annotations;
    private final ThrowableForwarding forwarding;

    MemberWriter(Model model, Plan plan, ConstantValues constants, AnnotationMeta annotations) {
        this.plan = plan;
        this.constants = constants;
        this.annotations = annotations;
        this.forwarding = new ThrowableForwarding(model, plan);
    }

    /** Source lines (unindented) for {@code m}, a member of a type of kind {@code kind}. */
    List<String> write(Member m, Kind kind) {
        if (m.isField()) {
            return List.of(field(m, kind));
        }
        if (kind == Kind.ANNOTATION) {
            String def = annotations.defaultValue(m.owner(), m.name());
            return List.of(TypeText.toSource(m.type()) + " " + m.name() + "()" + (def.isEmpty() ? "" : " default " + def)
                    + ";");
        }
        String signature = signature(m, kind);
        boolean bodiless = m.has("native") || (m.has("abstract"));
        if (bodiless) {
            return List.of(signature + ";");
        }
        List<String> lines = new ArrayList<>();
        java.util.Optional<List<String>> forwarded = m.isConstructor() ? forwarding.superArguments(m)
                : java.util.Optional.empty();
        if (m.isConstructor() && forwarded.isEmpty()) {
            suppressRawCasts(m.owner()).ifPresent(lines::add);
        }
        lines.add(signature + " {");
        if (forwarded.isPresent()) {
            lines.add("    super(" + String.join(", ", forwarded.get()) + ");");
        } else if (m.isConstructor()) {
            superLine(m.owner()).ifPresent(s -> lines.add("    " + s));
        } else {
            lines.add("    " + Values.THROW);
        }
        lines.add("}");
        return lines;
    }

    /** A package-private no-arg constructor, invisible to javap -protected, so javac adds no public default. */
    List<String> hiddenConstructor(String type) {
        List<String> lines = new ArrayList<>();
        suppressRawCasts(type).ifPresent(lines::add);
        lines.add(TypeText.simpleName(type) + "() {");
        superLine(type).ifPresent(s -> lines.add("    " + s));
        lines.add("}");
        return lines;
    }

    /** Super arguments are casts to erased (raw) types, e.g. {@code (java.lang.Class) null}: javac would warn. */
    private java.util.Optional<String> suppressRawCasts(String type) {
        boolean casts = plan.superCall(type).parameterTypes().stream().anyMatch(t -> Values.argument(t).endsWith("null"));
        return casts ? java.util.Optional.of("@java.lang.SuppressWarnings({\"unchecked\", \"rawtypes\"})")
                : java.util.Optional.empty();
    }

    private java.util.Optional<String> superLine(String type) {
        SuperCall call = plan.superCall(type);
        if (!call.explicit()) {
            return java.util.Optional.empty();
        }
        String args = call.parameterTypes().stream().map(Values::argument).collect(Collectors.joining(", "));
        return java.util.Optional.of("super(" + args + ");");
    }

    private String field(Member m, Kind kind) {
        boolean inInterface = kind.isInterfaceLike();
        String mods = inInterface ? "" : modifiers(m, kind);
        String init = Values.initializer(m, inInterface, constants).map(v -> " = " + v).orElse("");
        return mods + TypeText.toSource(m.type()) + " " + m.name() + init + ";";
    }

    private static String signature(Member m, Kind kind) {
        StringBuilder s = new StringBuilder(modifiers(m, kind));
        if (!m.typeParameters().isEmpty()) {
            s.append(TypeText.toSource(m.typeParameters())).append(' ');
        }
        if (m.isConstructor()) {
            s.append(TypeText.simpleName(m.owner()));
        } else {
            s.append(TypeText.toSource(m.type())).append(' ').append(m.name());
        }
        List<String> params = new ArrayList<>();
        for (int i = 0; i < m.parameters().size(); i++) {
            params.add(TypeText.toSource(m.parameters().get(i)) + " p" + i);
        }
        s.append('(').append(String.join(", ", params)).append(')');
        if (!m.exceptions().isEmpty()) {
            s.append(" throws ").append(TypeText.toSource(String.join(", ", m.exceptions())));
        }
        return s.toString();
    }

    /** Modifiers as javap printed them; in interfaces only {@code default} and {@code static} are written. */
    private static String modifiers(Member m, Kind kind) {
        List<String> mods = new ArrayList<>();
        for (String mod : m.modifiers()) {
            boolean keep = kind.isInterfaceLike() ? mod.equals("default") || mod.equals("static") : !mod.equals("default");
            if (keep) {
                mods.add(mod);
            }
        }
        return mods.isEmpty() ? "" : String.join(" ", mods) + " ";
    }
}
