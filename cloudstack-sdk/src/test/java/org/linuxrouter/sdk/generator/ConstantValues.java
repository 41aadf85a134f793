package org.linuxrouter.sdk.generator;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code sdk-constants.properties}: {@code <binary class name>.<FIELD>=<java literal>}, the real values of the
 * static final primitive and String fields that may be compiled into plugins (read from the CloudStack source).
 * Only these become compile-time constants in the SDK; any other such field gets a non-constant initializer so
 * that javac can never inline a made-up value into a plugin.
 */
final class ConstantValues {
    private final Map<String, String> values;

    private ConstantValues(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    static ConstantValues read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read constants file " + file, e);
        }
        Map<String, String> values = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).trim()));
        return new ConstantValues(values);
    }

    static ConstantValues of(Map<String, String> values) {
        return new ConstantValues(values);
    }

    Optional<String> valueOf(String owner, String field) {
        return Optional.ofNullable(values.get(owner + "." + field));
    }

    Map<String, String> all() {
        return values;
    }

    /** Checks that a recorded value is a literal of the field's type (no expressions, no references). */
    static void requireLiteral(String key, String type, String literal) {
        boolean ok;
        switch (type) {
            case "java.lang.String":
                ok = literal.matches("\"([^\"\\\\]|\\\\.)*\"");
                break;
            case "int":
            case "short":
            case "byte":
                ok = literal.matches("-?\\d+");
                break;
            case "long":
                ok = literal.matches("-?\\d+L?");
                break;
            case "boolean":
                ok = literal.equals("true") || literal.equals("false");
                break;
            case "char":
                ok = literal.matches("'([^'\\\\]|\\\\.)'");
                break;
            default:
                ok = literal.matches("-?\\d+(\\.\\d+)?[fFdD]?");
        }
        if (!ok) {
            throw new IllegalArgumentException("sdk-constants.properties: " + key + " expected a " + type
                    + " literal as in the cloudstack source, saw '" + literal + "'");
        }
    }
}
