package org.linuxrouter.protocol.model;

import java.util.regex.Pattern;

/**
 * A CloudStack resource UUID as CloudStack writes it ({@code UUID.randomUUID().toString()}): 36
 * characters, lower-case hex in 8-4-4-4-12 groups. Upper case and braces are rejected rather than
 * normalised, because the UUID is a map key on both ends and two spellings would be two networks.
 */
public final class Uuid {
  private static final Pattern FORM =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final String value;

  private Uuid(String value) {
    this.value = value;
  }

  /** Parses {@code text}; the error names the field {@code uuid}. */
  public static Uuid parse(String text) {
    return parse("uuid", text);
  }

  /** Parses {@code text}; the error names {@code field}. */
  public static Uuid parse(String field, String text) {
    Check.present(field, text);
    if (!FORM.matcher(text).matches()) {
      throw new ValidationException(field,
          "expected a lower-case uuid like 3f2504e0-4f89-11d3-9a0c-0305e82c3301, got " + Check.quote(text));
    }
    return new Uuid(text);
  }

  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Uuid && ((Uuid) other).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
