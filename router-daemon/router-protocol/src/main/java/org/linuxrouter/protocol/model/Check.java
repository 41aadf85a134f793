package org.linuxrouter.protocol.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Shared constructor checks, so every value words its errors the same way. */
final class Check {
  private Check() {
  }

  static <T> T present(String field, T value) {
    if (value == null) {
      throw new ValidationException(field, "expected a value, got none");
    }
    return value;
  }

  static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ValidationException(field, "expected " + min + ".." + max + ", got " + value);
    }
    return value;
  }

  static long range(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new ValidationException(field, "expected " + min + ".." + max + ", got " + value);
    }
    return value;
  }

  /** Free text a person reads: bounded, printable, no control characters (they corrupt logs). */
  static String text(String field, String value, int minLength, int maxLength) {
    present(field, value);
    if (value.length() < minLength || value.length() > maxLength) {
      throw new ValidationException(field, "expected " + minLength + ".." + maxLength
          + " characters, got " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new ValidationException(field, "expected no control characters, got one at index " + i);
      }
    }
    return value;
  }

  /** An immutable copy of {@code values}: non-null elements, at most {@code max}, no duplicate keys. */
  static <T, K> List<T> uniqueList(String field, List<T> values, int max, Function<T, K> key) {
    present(field, values);
    if (values.size() > max) {
      throw new ValidationException(field, "expected at most " + max + " entries, got " + values.size());
    }
    Set<K> seen = new HashSet<>();
    List<T> copy = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      T value = present(field + "[" + i + "]", values.get(i));
      if (!seen.add(key.apply(value))) {
        throw new ValidationException(field + "[" + i + "]",
            "expected a unique entry, got a second " + key.apply(value));
      }
      copy.add(value);
    }
    // List.copyOf: one shared instance when empty and one compact array otherwise; a router holds ~100,000 NICs
    // with four lists each, most of them empty
    return List.copyOf(copy);
  }

  /** Decimal digits without sign or leading zeros, capped so it never overflows a long. */
  static boolean isCanonicalDecimal(String text, int maxDigits) {
    if (text.isEmpty() || text.length() > maxDigits) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return text.length() == 1 || text.charAt(0) != '0';
  }

  static String quote(String value) {
    String shown = value.length() > 64 ? value.substring(0, 64) + "..." : value;
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
