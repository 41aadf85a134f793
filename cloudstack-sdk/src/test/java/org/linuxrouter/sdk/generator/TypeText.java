package org.linuxrouter.sdk.generator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text operations on type strings as javap prints them ({@code java.util.Map<K, V>}, {@code a.B$C[]}). */
final class TypeText {
    /** A qualified name: a lower-case first segment (a package), then dotted identifiers. */
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w$.])[a-z_][\\w]*(?:\\.[A-Za-z_$][\\w$]*)+");
    /** {@code Outer<T, K>.Inner}: javap's spelling of an inner class of a generic class. */
    private static final Pattern INNER_OF_GENERIC = Pattern.compile("([a-z_][\\w]*(?:\\.[A-Za-z_$][\\w$]*)+)<[^()]*?>\\.([A-Za-z_$][\\w$]*)");

    private TypeText() {
    }

    /** Splits at commas that are not inside angle brackets; trims the parts; empty input gives no parts. */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        String last = text.substring(start).trim();
        if (!last.isEmpty() || !parts.isEmpty()) {
            parts.add(last);
        }
        return parts;
    }

    /** Index of the last space outside angle brackets, or -1. */
    static int lastTopLevelSpace(String text) {
        int depth = 0;
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '>') {
                depth++;
            } else if (c == '<') {
                depth--;
            } else if (c == ' ' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Index just past the '>' that closes the '<' at {@code open}. */
    static int closingAngle(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '<') {
                depth++;
            } else if (text.charAt(i) == '>' && --depth == 0) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("expected a closing '>' for the '<' at " + open + " in '" + text + "'");
    }

    /** Binary names of every class named in a type text, including {@code Outer$Inner} for {@code Outer<..>.Inner}. */
    static Set<String> referencedTypes(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher inner = INNER_OF_GENERIC.matcher(text);
        while (inner.find()) {
            names.add(inner.group(1) + "$" + inner.group(2));
        }
        Matcher m = QUALIFIED.matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    /** Java source spelling: nested classes use dots. */
    static String toSource(String text) {
        return text.replace('$', '.');
    }

    /** The binary name of the class enclosing a nested class, or null for a top-level class. */
    static String outerOf(String binaryName) {
        int dollar = binaryName.lastIndexOf('$');
        return dollar < 0 ? null : binaryName.substring(0, dollar);
    }

    static String simpleName(String binaryName) {
        int cut = Math.max(binaryName.lastIndexOf('$'), binaryName.lastIndexOf('.'));
        return binaryName.substring(cut + 1);
    }

    static String packageOf(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        return dot < 0 ? "" : binaryName.substring(0, dot);
    }

    static String topLevelOf(String binaryName) {
        int dollar = binaryName.indexOf('$');
        return dollar < 0 ? binaryName : binaryName.substring(0, dollar);
    }

    /** True for javac's anonymous classes ({@code Outer$1}), which are never generated on their own. */
    static boolean isAnonymous(String binaryName) {
        return binaryName.matches(".*\\$\\d+.*");
    }
}
