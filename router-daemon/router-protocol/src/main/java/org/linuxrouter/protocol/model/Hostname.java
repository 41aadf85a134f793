package org.linuxrouter.protocol.model;

import java.util.regex.Pattern;

/**
 * A VM's host name as DHCP hands it out and DNS answers it: one RFC 1123 label, 1..63 letters, digits and
 * hyphens, not starting or ending with a hyphen. CloudStack validates VM names the same way; anything else
 * (a comma, a '#', a newline, a space) would be syntax in dnsmasq's host files, so it never gets this far.
 */
public final class Hostname {
  public static final int MAX_LENGTH = 63;
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  private final String value;

  private Hostname(String value) {
    this.value = value;
  }

  /** Parses one label; errors name the field {@code hostname}. */
  public static Hostname parse(String text) {
    return parse("hostname", text);
  }

  public static Hostname parse(String field, String text) {
    Check.present(field, text);
    if (text.length() > MAX_LENGTH) {
      throw new ValidationException(field, "expected at most " + MAX_LENGTH + " characters (one dns label), got "
          + text.length());
    }
    if (!LABEL.matcher(text).matches()) {
      throw new ValidationException(field, "expected one dns label (letters, digits and inner hyphens), got "
          + Check.quote(text));
    }
    return new Hostname(text);
  }

  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hostname && ((Hostname) other).value.equals(value);
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
