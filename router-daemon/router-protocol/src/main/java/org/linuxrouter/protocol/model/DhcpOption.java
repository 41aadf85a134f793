package org.linuxrouter.protocol.model;

import java.util.Objects;
import java.util.Set;

/**
 * One of CloudStack's extra DHCP options of a NIC ({@code setExtraDhcpOptions}: option code to value), e.g.
 * code 66 {@code 10.0.0.5} or code 67 {@code pxelinux.0}. The router passes it to dnsmasq as
 * {@code code,value}, which interprets the value by the option's type.
 *
 * <p>Rules: the code is 1..254 (0 and 255 are pad and end) and not one the DHCP server itself must own
 * (requested address, overload, message type, server identifier, parameter list, maximum size, client
 * identifier). The value is 1..255 printable ASCII characters, no leading or trailing blank, and none of
 * {@code " \ #}: the quote, escape and comment characters of dnsmasq's files, so a value can never become
 * syntax there.
 */
public final class DhcpOption {
  public static final int MIN_CODE = 1;
  public static final int MAX_CODE = 254;
  public static final int MAX_VALUE_LENGTH = 255;
  /** 50, 52, 53, 54, 55, 57, 61: the protocol's own machinery, set by the server or the client. */
  public static final Set<Integer> SERVER_OWNED = Set.of(50, 52, 53, 54, 55, 57, 61);

  private final int code;
  private final String value;

  private DhcpOption(int code, String value) {
    this.code = code;
    this.value = value;
  }

  public static DhcpOption of(int code, String value) {
    Check.range("code", code, MIN_CODE, MAX_CODE);
    if (SERVER_OWNED.contains(code)) {
      throw new ValidationException("code", "expected an option the dhcp server does not set itself (not one of "
          + "50, 52, 53, 54, 55, 57, 61), got " + code);
    }
    Check.present("value", value);
    if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
      throw new ValidationException("value", "expected 1.." + MAX_VALUE_LENGTH + " characters, got "
          + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '#') {
        throw new ValidationException("value", "expected printable ascii without \", \\ or #, got "
            + Check.quote(value));
      }
    }
    if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
      throw new ValidationException("value", "expected no leading or trailing blank, got " + Check.quote(value));
    }
    return new DhcpOption(code, value);
  }

  public int code() {
    return code;
  }

  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof DhcpOption)) {
      return false;
    }
    DhcpOption that = (DhcpOption) other;
    return code == that.code && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, value);
  }

  @Override
  public String toString() {
    return code + "=" + value;
  }
}
