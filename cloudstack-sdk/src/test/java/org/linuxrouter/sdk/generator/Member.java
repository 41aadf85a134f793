package org.linuxrouter.sdk.generator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One member line of the listing, parsed. Equality is the listing line (two lines, two members). */
final class Member {
    /** What a member line declares. */
    enum Form {
        FIELD, METHOD, CONSTRUCTOR
    }

    static final String CONSTRUCTOR_NAME = "<init>";
    private static final Set<String> MODIFIERS = Set.of("public", "protected", "private", "static", "final",
            "abstract", "default", "synchronized", "native", "transient", "volatile", "strictfp");

    private final String line;
    private final String owner;
    private final Form form;
    private final Set<String> modifiers;
    private final String typeParameters;
    private final String type;
    private final String name;
    private final List<String> parameters;
    private final List<String> exceptions;

    private Member(String line, String owner, Form form, Set<String> modifiers, String typeParameters, String type,
            String name, List<String> parameters, List<String> exceptions) {
        this.line = line;
        this.owner = owner;
        this.form = form;
        this.modifiers = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(modifiers));
        this.typeParameters = typeParameters;
        this.type = type;
        this.name = name;
        this.parameters = List.copyOf(parameters);
        this.exceptions = List.copyOf(exceptions);
    }

    /** Parses a javap member line of class {@code owner} (binary name). */
    static Member parse(String line, String owner) {
        String rest = line.trim();
        if (!rest.endsWith(";")) {
            throw new IllegalArgumentException("expected a member line ending with ';', saw '" + line + "'");
        }
        rest = rest.substring(0, rest.length() - 1).trim();
        Set<String> modifiers = new LinkedHashSet<>();
        int space;
        while ((space = rest.indexOf(' ')) > 0 && MODIFIERS.contains(rest.substring(0, space))) {
            modifiers.add(rest.substring(0, space));
            rest = rest.substring(space + 1);
        }
        String typeParameters = "";
        if (rest.startsWith("<")) {
            int close = TypeText.closingAngle(rest, 0);
            typeParameters = rest.substring(0, close);
            rest = rest.substring(close).trim();
        }
        int paren = rest.indexOf('(');
        if (paren < 0) {
            int cut = TypeText.lastTopLevelSpace(rest);
            return new Member(line.trim(), owner, Form.FIELD, modifiers, typeParameters, rest.substring(0, cut),
                    rest.substring(cut + 1), List.of(), List.of());
        }
        return callable(line.trim(), owner, modifiers, typeParameters, rest, paren);
    }

    private static Member callable(String line, String owner, Set<String> modifiers, String typeParameters,
            String rest, int paren) {
        int close = rest.indexOf(')', paren);
        List<String> parameters = TypeText.splitTopLevel(rest.substring(paren + 1, close));
        String tail = rest.substring(close + 1).trim();
        List<String> exceptions = tail.startsWith("throws ")
                ? TypeText.splitTopLevel(tail.substring("throws ".length())) : List.of();
        String head = rest.substring(0, paren).trim();
        int cut = TypeText.lastTopLevelSpace(head);
        if (cut < 0) {
            if (!head.equals(owner)) {
                throw new IllegalArgumentException("expected a constructor of " + owner + " in '" + line + "'");
            }
            return new Member(line, owner, Form.CONSTRUCTOR, modifiers, typeParameters, null, CONSTRUCTOR_NAME,
                    parameters, exceptions);
        }
        return new Member(line, owner, Form.METHOD, modifiers, typeParameters, head.substring(0, cut),
                head.substring(cut + 1), parameters, exceptions);
    }

    /** The listing line, trimmed. */
    String line() {
        return line;
    }

    String owner() {
        return owner;
    }

    Form form() {
        return form;
    }

    /** In the order javap printed them. */
    Set<String> modifiers() {
        return modifiers;
    }

    boolean has(String modifier) {
        return modifiers.contains(modifier);
    }

    /** Method type parameters including the angle brackets, or empty. */
    String typeParameters() {
        return typeParameters;
    }

    /** Field type or method return type as printed; null for constructors. */
    String type() {
        return type;
    }

    /** Field or method name; {@link #CONSTRUCTOR_NAME} for constructors. */
    String name() {
        return name;
    }

    List<String> parameters() {
        return parameters;
    }

    List<String> exceptions() {
        return exceptions;
    }

    boolean isMethod() {
        return form == Form.METHOD;
    }

    boolean isConstructor() {
        return form == Form.CONSTRUCTOR;
    }

    boolean isField() {
        return form == Form.FIELD;
    }

    /** Every class named in the member's types, parameters, bounds and throws clause. */
    Set<String> referencedTypes() {
        List<String> texts = new ArrayList<>(parameters);
        texts.addAll(exceptions);
        texts.add(typeParameters);
        if (type != null) {
            texts.add(type);
        }
        return TypeText.referencedTypes(String.join(" ", texts));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Member && ((Member) other).line.equals(line) && ((Member) other).owner.equals(owner);
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, owner);
    }

    @Override
    public String toString() {
        return owner + ": " + line;
    }
}
