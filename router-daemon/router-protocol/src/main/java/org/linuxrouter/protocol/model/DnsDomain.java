package org.linuxrouter.protocol.model;

import java.util.Locale;

/**
 * A network's DNS domain (CloudStack's network domain, {@code cloudnine.internal} by default): dot-separated
 * {@link Hostname} labels, at most 253 characters, stored in lower case. DHCP hands it out (option 15) and the
 * router's DNS answers VM names under it.
 */
public final class DnsDomain {
  public static final int MAX_LENGTH = 253;

  private final String value;

  private DnsDomain(String value) {
    this.value = value;
  }

  public static DnsDomain parse(String text) {
    return parse("domain", text);
  }

  public static DnsDomain parse(String field, String text) {
    Check.present(field, text);
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      throw new ValidationException(field, "expected 1.." + MAX_LENGTH + " characters, got " + text.length());
    }
    for (String label : text.split("\\.", -1)) {
      try {
        Hostname.parse(field, label);
      } catch (ValidationException e) {
        throw new ValidationException(field, "expected dot-separated dns labels, got " + Check.quote(text));
      }
    }
    return new DnsDomain(text.toLowerCase(Locale.ROOT));
  }

  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DnsDomain && ((DnsDomain) other).value.equals(value);
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
