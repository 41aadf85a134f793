package org.linuxrouter.sdk.generator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Erasure of javap type texts, the way the JVM links: type arguments dropped, type variables replaced by the
 * erasure of their first bound, varargs as arrays. Results are binary names ({@code a.B$C[]}).
 */
final class Erasure {
    private Erasure() {
    }

    /** Erases {@code type} given the erased bounds of the type variables in scope. */
    static String of(String type, Map<String, String> bounds) {
        String t = type.trim();
        String suffix = "";
        if (t.endsWith("...")) {
            t = t.substring(0, t.length() - 3);
            suffix = "[]";
        }
        while (t.endsWith("[]")) {
            t = t.substring(0, t.length() - 2).trim();
            suffix += "[]";
        }
        String base = withoutTypeArguments(t);
        String bound = bounds.get(base);
        return (bound != null ? bound : base) + suffix;
    }

    /** Drops every {@code <...>}; {@code Outer<T>.Inner} becomes {@code Outer$Inner}. */
    static String withoutTypeArguments(String type) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < type.length()) {
            char c = type.charAt(i);
            if (c == '<') {
                i = TypeText.closingAngle(type, i);
                if (i < type.length() && type.charAt(i) == '.') {
                    out.append('$');
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().trim();
    }

    /**
     * The erased bounds of a type-parameter list such as {@code <T, ID extends java.io.Serializable>}, added to
     * (and overriding) {@code outer}; an unbounded variable erases to {@code java.lang.Object}.
     */
    static Map<String, String> bounds(String typeParameters, Map<String, String> outer) {
        Map<String, String> bounds = new HashMap<>(outer);
        if (typeParameters.isEmpty()) {
            return bounds;
        }
        List<String> params = TypeText.splitTopLevel(typeParameters.substring(1, typeParameters.length() - 1));
        for (String param : params) {
            int ext = param.indexOf(" extends ");
            bounds.put(ext < 0 ? param : param.substring(0, ext).trim(), "java.lang.Object");
        }
        for (String param : params) {
            int ext = param.indexOf(" extends ");
            if (ext >= 0) {
                String first = param.substring(ext + " extends ".length()).split(" & ")[0];
                bounds.put(param.substring(0, ext).trim(), of(first, bounds));
            }
        }
        return bounds;
    }

    /** True if the text is exactly one of the type variables in scope (possibly an array of one). */
    static boolean isTypeVariable(String type, Map<String, String> bounds) {
        String t = type.trim().replace("...", "").replace("[]", "");
        return !t.contains(".") && !t.contains("<") && bounds.containsKey(t);
    }
}
