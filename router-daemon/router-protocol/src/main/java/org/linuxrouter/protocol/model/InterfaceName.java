package org.linuxrouter.protocol.model;

import java.util.regex.Pattern;

/**
 * A Linux network interface name: 1..15 bytes (IFNAMSIZ 16 minus the NUL) of {@code [A-Za-z0-9._-]}.
 * The kernel allows more (anything but '/', ':' and whitespace); the narrower set keeps names safe in
 * logs, sysctl paths ({@code /proc/sys/net/ipv4/conf/NAME/...}) and iproute2 output.
 */
public final class InterfaceName {
  public static final int MAX_BYTES = 15;
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]+");

  private final String value;

  private InterfaceName(String value) {
    this.value = value;
  }

  /** Parses {@code text}; the error names the field {@code interface}. */
  public static InterfaceName of(String text) {
    return of("interface", text);
  }

  public static InterfaceName of(String field, String text) {
    Check.present(field, text);
    if (text.isEmpty() || text.length() > MAX_BYTES) {
      throw new ValidationException(field,
          "expected 1.." + MAX_BYTES + " bytes, got " + text.length() + " in " + Check.quote(text));
    }
    if (!ALLOWED.matcher(text).matches()) {
      throw new ValidationException(field,
          "expected only [A-Za-z0-9._-], got " + Check.quote(text));
    }
    if (text.equals(".") || text.equals("..")) {
      throw new ValidationException(field, "expected a name other than . or .., got " + Check.quote(text));
    }
    return new InterfaceName(text);
  }

  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InterfaceName && ((InterfaceName) other).value.equals(value);
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
