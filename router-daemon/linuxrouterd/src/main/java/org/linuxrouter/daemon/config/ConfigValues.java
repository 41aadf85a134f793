package org.linuxrouter.daemon.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.ProxyMode;
import org.linuxrouter.protocol.model.VxlanMode;
import org.linuxrouter.protocol.model.VxlanOptions;
import org.linuxrouter.protocol.model.ValidationException;

/** Parsers for single configuration values; each throws {@link BadValue} naming what it expected. */
final class ConfigValues {
  static final Duration MIN_DURATION = Duration.ofMillis(100);
  static final Duration MAX_DURATION = Duration.ofHours(24);
  static final int MIN_BODY_BYTES = 1024;
  static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  private static final Pattern DURATION = Pattern.compile("([1-9]\\d{0,8})(ms|s|m|h)");
  private static final Pattern DECIMAL = Pattern.compile("[1-9]\\d{0,9}");

  private ConfigValues() {
  }

  /** Quotes a raw value for a message, so empty strings and trailing blanks stay visible. */
  static String quote(String raw) {
    return raw.isEmpty() ? "nothing" : "\"" + raw + "\"";
  }

  /** The protocol's interface name rule: 1..15 bytes (IFNAMSIZ minus the NUL) of [A-Za-z0-9._-]. */
  static InterfaceName interfaceName(String text) {
    try {
      return InterfaceName.of(text);
    } catch (ValidationException e) {
      throw new BadValue("an interface name of 1.." + InterfaceName.MAX_BYTES + " bytes from [A-Za-z0-9._-]",
          quote(text));
    }
  }

  /** The spelling the REST contract uses too, so an operator writes what CloudStack sends. */
  static ProxyMode proxyMode(String text) {
    try {
      return ProxyMode.fromWireName("proxy_mode", text);
    } catch (ValidationException e) {
      throw new BadValue("one of " + Arrays.stream(ProxyMode.values()).map(ProxyMode::wireName)
          .collect(Collectors.joining("|")), quote(text));
    }
  }

  static VxlanMode vxlanMode(String text) {
    try {
      return VxlanMode.fromWireName("vxlan_mode", text);
    } catch (ValidationException e) {
      throw new BadValue("multicast or unicast", quote(text));
    }
  }

  /** One routable unicast IPv4 or IPv6 address, as the REST contract writes it. */
  static IpAddress unicastAddress(String text) {
    try {
      IpAddress address = IpAddress.parse(text);
      if (!address.isRoutableUnicast()) {
        throw new BadValue("a routable unicast address", quote(text));
      }
      return address;
    } catch (ValidationException e) {
      throw new BadValue("an IPv4 or IPv6 address", quote(text));
    }
  }

  /** Comma-separated unicast addresses of one family, each once; empty for none. */
  static List<IpAddress> unicastAddresses(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    List<IpAddress> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      out.add(unicastAddress(part.strip()));
    }
    try {
      return new VxlanOptions(null, null, null, out).vteps();
    } catch (ValidationException e) {
      throw new BadValue("distinct addresses of one family separated by commas", quote(text));
    }
  }

  /** Absolute and already normal: no {@code .} or {@code ..} segments, no doubled slashes. */
  static Path absolutePath(String text) {
    String expected = "an absolute path without . or .. segments";
    try {
      Path path = Path.of(text);
      if (!path.isAbsolute() || !path.normalize().toString().equals(text)) {
        throw new BadValue(expected, quote(text));
      }
      return path;
    } catch (InvalidPathException e) {
      throw new BadValue(expected, quote(text));
    }
  }

  static boolean onOff(String text) {
    switch (text) {
      case "on":
        return true;
      case "off":
        return false;
      default:
        throw new BadValue("on or off", quote(text));
    }
  }

  /** A whole number with a unit: {@code 500ms}, {@code 10s}, {@code 5m} or {@code 1h}. */
  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new BadValue(durationExpected(), quote(text));
    }
    long amount = Long.parseLong(m.group(1));
    Duration value = switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
    checkDuration(value);
    return value;
  }

  static void checkDuration(Duration value) {
    if (value.compareTo(MIN_DURATION) < 0 || value.compareTo(MAX_DURATION) > 0) {
      throw new BadValue(durationExpected(), value.toString());
    }
  }

  static int bodyBytes(String text) {
    int value = positiveInt(text, MAX_BODY_BYTES);
    checkBodyBytes(value);
    return value;
  }

  static void checkBodyBytes(int value) {
    if (value < MIN_BODY_BYTES || value > MAX_BODY_BYTES) {
      throw new BadValue("a byte count " + MIN_BODY_BYTES + ".." + MAX_BODY_BYTES, Integer.toString(value));
    }
  }

  /** A decimal integer 1..max without sign or leading zeros. */
  static int positiveInt(String text, int max) {
    if (!DECIMAL.matcher(text).matches() || Long.parseLong(text) > max) {
      throw new BadValue("a whole number 1.." + max, quote(text));
    }
    return Integer.parseInt(text);
  }

  private static String durationExpected() {
    return "a duration such as 500ms, 10s, 5m or 1h between " + MIN_DURATION.toMillis() + "ms and "
        + MAX_DURATION.toHours() + "h";
  }
}
