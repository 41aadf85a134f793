package org.linuxrouter.sdk.generator;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * {@code sdk-annotations.properties}: what javap does not show about CloudStack annotation types, read from
 * their source. {@code <type>@Retention} (the retention decides whether javac records a plugin's annotation
 * as runtime-visible, which CloudStack's reflection needs), {@code <type>@Target} (comma-separated element types,
 * empty for none) and {@code <type>.<element>} (the default value as a Java expression, empty if required).
 */
final class AnnotationMeta {
    private final Properties values;

    private AnnotationMeta(Properties values) {
        this.values = values;
    }

    static AnnotationMeta read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read annotations file " + file, e);
        }
        return new AnnotationMeta(p);
    }

    String retention(String type) {
        return require(type + "@Retention");
    }

    /** Element types, e.g. {@code FIELD,METHOD}; empty when the annotation declares no {@code @Target}. */
    String target(String type) {
        return require(type + "@Target");
    }

    /** The default value expression, or empty for a required element. */
    String defaultValue(String type, String element) {
        return require(type + "." + element);
    }

    private String require(String key) {
        String value = values.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("sdk-annotations.properties: expected key " + key
                    + " (read it from the cloudstack source of the annotation), saw none");
        }
        return value.trim();
    }
}
