package org.linuxrouter.rtnetlink;

import java.nio.charset.StandardCharsets;
import org.linuxrouter.rtnetlink.wire.Ifla;

/** Boundary checks shared by the value types and operations; messages name the field, the rule and the value. */
final class Validate {
    private Validate() {
    }

    /** The kernel's dev_valid_name: 1..15 bytes, not "." or "..", no '/', ':' or whitespace. */
    static String linkName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("expected an interface name, got null");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > Ifla.IFNAME_MAX) {
            throw new IllegalArgumentException("expected an interface name of 1.." + Ifla.IFNAME_MAX
                    + " bytes, got " + bytes + " (\"" + name + "\")");
        }
        if (name.equals(".") || name.equals("..") || name.chars().anyMatch(c -> c == '/' || c == ':'
                || Character.isWhitespace(c) || c == 0)) {
            throw new IllegalArgumentException("expected an interface name without '/', ':', NUL or whitespace"
                    + " and not '.' or '..', got \"" + name + "\"");
        }
        return name;
    }

    static int linkIndex(int index) {
        if (index <= 0) {
            throw new IllegalArgumentException("expected an interface index > 0, got " + index);
        }
        return index;
    }

    static int u8(String field, int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("expected " + field + " of 0..255, got " + value);
        }
        return value;
    }

    static int mtu(int mtu) {
        // the per-device range (e.g. 68..65535 for veth) is the kernel's to check: its extack names it
        if (mtu < 1) {
            throw new IllegalArgumentException("expected a positive mtu, got " + mtu);
        }
        return mtu;
    }

    static String alias(String alias) {
        if (alias == null) {
            throw new IllegalArgumentException("expected an alias (empty to clear), got null");
        }
        int bytes = alias.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > Ifla.IFALIAS_MAX || alias.indexOf(0) >= 0) {
            throw new IllegalArgumentException("expected an alias of at most " + Ifla.IFALIAS_MAX
                    + " bytes without NUL, got " + bytes + " bytes");
        }
        return alias;
    }
}
