package org.linuxrouter.protocol.model;

import java.util.regex.Pattern;

/**
 * A NIC's Ethernet address as CloudStack writes it: six lower-case hex pairs separated by colons.
 * Multicast and all-zero addresses are rejected: a guest NIC always has a unicast address.
 */
public final class MacAddress {
  private static final Pattern FORM = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

  private final String value;

  private MacAddress(String value) {
    this.value = value;
  }

  /** Parses {@code 02:00:4c:4f:4f:50}; errors name the field {@code mac}. */
  public static MacAddress parse(String text) {
    return parse("mac", text);
  }

  public static MacAddress parse(String field, String text) {
    Check.present(field, text);
    if (!FORM.matcher(text).matches()) {
      throw new ValidationException(field,
          "expected six lower-case hex pairs like 02:00:4c:4f:4f:50, got " + Check.quote(text));
    }
    if ((Integer.parseInt(text.substring(0, 2), 16) & 1) != 0) {
      throw new ValidationException(field, "expected a unicast address, got multicast " + text);
    }
    if (text.equals("00:00:00:00:00:00")) {
      throw new ValidationException(field, "expected a unicast address, got all zeros");
    }
    return new MacAddress(text);
  }

  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MacAddress && ((MacAddress) other).value.equals(value);
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
