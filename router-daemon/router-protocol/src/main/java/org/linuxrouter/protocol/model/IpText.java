package org.linuxrouter.protocol.model;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Strict text forms of IP addresses. IPv4 is dotted decimal with no leading zeros ({@code 010.1.1.1}
 * means octal to some parsers and decimal to others, so it is refused). IPv6 is RFC 4291 hex groups
 * with at most one {@code ::}, no zone and no dotted tail; it is printed back in RFC 5952 form.
 * {@link InetAddress} only ever sees text that passed these checks, so it cannot do a DNS lookup.
 */
final class IpText {
  private IpText() {
  }

  static byte[] parseV4(String field, String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      throw notV4(field, text);
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (!Check.isCanonicalDecimal(parts[i], 3) || Integer.parseInt(parts[i]) > 255) {
        throw notV4(field, text);
      }
      bytes[i] = (byte) Integer.parseInt(parts[i]);
    }
    return bytes;
  }

  private static ValidationException notV4(String field, String text) {
    return new ValidationException(field,
        "expected dotted-decimal ipv4 (0..255, no leading zeros), got " + Check.quote(text));
  }

  static byte[] parseV6(String field, String text) {
    if (!isV6Syntax(text)) {
      throw new ValidationException(field,
          "expected ipv6 hex groups like fd00:1::1 (no zone, no dotted tail), got " + Check.quote(text));
    }
    byte[] bytes;
    try {
      // Safe: the syntax check above admits only hex digits and colons, so this is a literal.
      bytes = InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      throw new ValidationException(field, "expected an ipv6 literal, got " + Check.quote(text));
    }
    if (bytes.length != 16) {
      // The JDK turns ::ffff:a.b.c.d style mapped addresses into IPv4; the contract keeps families apart.
      throw new ValidationException(field,
          "expected a native ipv6 address, got ipv4-mapped " + Check.quote(text));
    }
    return bytes;
  }

  private static boolean isV6Syntax(String text) {
    if (text.length() < 2 || text.length() > 39) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ':' && Character.digit(c, 16) < 0) {
        return false;
      }
    }
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    if (gap < 0) {
      return groupsValid(text, 8, 8);
    }
    String head = text.substring(0, gap);
    String tail = text.substring(gap + 2);
    int headGroups = head.isEmpty() ? 0 : countGroups(head);
    int tailGroups = tail.isEmpty() ? 0 : countGroups(tail);
    return headGroups >= 0 && tailGroups >= 0 && headGroups + tailGroups <= 7;
  }

  private static boolean groupsValid(String text, int min, int max) {
    int groups = countGroups(text);
    return groups >= min && groups <= max;
  }

  /** Number of 1..4 digit hex groups separated by single colons, or -1 if malformed. */
  private static int countGroups(String text) {
    String[] groups = text.split(":", -1);
    for (String group : groups) {
      if (group.isEmpty() || group.length() > 4) {
        return -1;
      }
    }
    return groups.length;
  }

  static String format(byte[] bytes) {
    if (bytes.length == 4) {
      return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int[] run = longestZeroRun(groups);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == run[0]) {
        out.append(i == 0 ? "::" : ":");
        i += run[1] - 1;
        continue;
      }
      out.append(Integer.toHexString(groups[i]));
      if (i < 7) {
        out.append(':');
      }
    }
    return out.toString();
  }

  /** RFC 5952 section 4.2: compress the first longest run of two or more zero groups. */
  private static int[] longestZeroRun(int[] groups) {
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < groups.length; i++) {
      int length = 0;
      while (i + length < groups.length && groups[i + length] == 0) {
        length++;
      }
      if (length > bestLength) {
        bestStart = i;
        bestLength = length;
      }
      i += length;
    }
    return new int[] {bestStart, bestLength};
  }
}
