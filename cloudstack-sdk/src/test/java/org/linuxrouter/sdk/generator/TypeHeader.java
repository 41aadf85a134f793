package org.linuxrouter.sdk.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A class header line of the listing, parsed: modifiers, kind, name, type parameters, supertypes. */
final class TypeHeader {
    private static final String ANNOTATION = "java.lang.annotation.Annotation";

    private final Set<String> modifiers;
    private final Kind kind;
    private final String name;
    private final String typeParameters;
    private final String superclass;
    private final List<String> interfaces;

    private TypeHeader(Set<String> modifiers, Kind kind, String name, String typeParameters, String superclass,
            List<String> interfaces) {
        this.modifiers = Set.copyOf(modifiers);
        this.kind = kind;
        this.name = name;
        this.typeParameters = typeParameters;
        this.superclass = superclass;
        this.interfaces = List.copyOf(interfaces);
    }

    /** Parses {@code public abstract class a.B<T extends X> extends a.C<T> implements a.D,a.E}. */
    static TypeHeader parse(String header) {
        String text = header.trim();
        Set<String> modifiers = new TreeSet<>();
        String rest = text;
        while (!rest.startsWith("class ") && !rest.startsWith("interface ")) {
            int space = rest.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("expected 'class' or 'interface' in header '" + header + "'");
            }
            modifiers.add(rest.substring(0, space));
            rest = rest.substring(space + 1);
        }
        boolean isInterface = rest.startsWith("interface ");
        rest = rest.substring(rest.indexOf(' ') + 1);
        int end = 0;
        while (end < rest.length() && (Character.isJavaIdentifierPart(rest.charAt(end)) || rest.charAt(end) == '.')) {
            end++;
        }
        String name = rest.substring(0, end);
        String typeParameters = "";
        if (end < rest.length() && rest.charAt(end) == '<') {
            int close = TypeText.closingAngle(rest, end);
            typeParameters = rest.substring(end, close);
            end = close;
        }
        return withSupertypes(modifiers, isInterface, name, typeParameters, rest.substring(end).trim(), header);
    }

    private static TypeHeader withSupertypes(Set<String> modifiers, boolean isInterface, String name,
            String typeParameters, String clauses, String header) {
        String extendsPart = "";
        String implementsPart = "";
        int impl = topLevelKeyword(clauses, "implements ");
        if (impl >= 0) {
            implementsPart = clauses.substring(impl + "implements ".length());
            clauses = clauses.substring(0, impl).trim();
        }
        if (clauses.startsWith("extends ")) {
            extendsPart = clauses.substring("extends ".length());
        } else if (!clauses.isEmpty()) {
            throw new IllegalArgumentException("expected 'extends' or 'implements' after the name in '" + header + "'");
        }
        if (isInterface) {
            List<String> supers = new ArrayList<>(TypeText.splitTopLevel(extendsPart));
            Kind kind = supers.remove(ANNOTATION) ? Kind.ANNOTATION : Kind.INTERFACE;
            return new TypeHeader(modifiers, kind, name, typeParameters, null, supers);
        }
        String superclass = extendsPart.isEmpty() ? null : extendsPart.trim();
        Kind kind = superclass != null && superclass.startsWith("java.lang.Enum<") ? Kind.ENUM : Kind.CLASS;
        return new TypeHeader(modifiers, kind, name, typeParameters, superclass, TypeText.splitTopLevel(implementsPart));
    }

    private static int topLevelKeyword(String text, String keyword) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (depth == 0 && text.startsWith(keyword, i) && (i == 0 || text.charAt(i - 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    Set<String> modifiers() {
        return modifiers;
    }

    Kind kind() {
        return kind;
    }

    String name() {
        return name;
    }

    /** Including the angle brackets, e.g. {@code <T, ID extends java.io.Serializable>}; empty if none. */
    String typeParameters() {
        return typeParameters;
    }

    /** The superclass as printed (may be generic), or null for Object and for interfaces. */
    String superclass() {
        return superclass;
    }

    /** Implemented (or, for interfaces, extended) interfaces as printed; annotations omit Annotation. */
    List<String> interfaces() {
        return interfaces;
    }

    boolean isAbstract() {
        return modifiers.contains("abstract");
    }

    boolean isFinal() {
        return modifiers.contains("final");
    }

    boolean isPublic() {
        return modifiers.contains("public");
    }

    /** Every class named anywhere in the header after the type's own name. */
    Set<String> referencedTypes() {
        StringBuilder all = new StringBuilder(typeParameters);
        if (superclass != null) {
            all.append(' ').append(superclass);
        }
        interfaces.forEach(i -> all.append(' ').append(i));
        Set<String> refs = TypeText.referencedTypes(all.toString());
        refs.remove(name);
        return refs;
    }
}
