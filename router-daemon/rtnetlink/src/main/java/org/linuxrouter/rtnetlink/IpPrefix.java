package org.linuxrouter.rtnetlink;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IP address with a prefix length, e.g. {@code 192.0.2.1/24} or {@code 2001:db8::1/64}. Host bits are kept:
 * an interface address needs them, and a route destination with host bits set is rejected by the kernel itself.
 *
 * @param address IPv4 or IPv6 address
 * @param length  0..32 for IPv4, 0..128 for IPv6
 */
public record IpPrefix(InetAddress address, int length) {
    public IpPrefix {
        if (address == null) {
            throw new IllegalArgumentException("expected an address, got null");
        }
        int max = maxLength(address);
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("expected a prefix length of 0.." + max + " for " + address
                    .getHostAddress() + ", got " + length);
        }
    }

    /** A host prefix: /32 for IPv4, /128 for IPv6. */
    public static IpPrefix host(InetAddress address) {
        return new IpPrefix(address, maxLength(address));
    }

    /** Parses {@code address/length}; only numeric addresses are accepted, never a host name to resolve. */
    public static IpPrefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("expected address/length such as 192.0.2.1/24, got " + text);
        }
        InetAddress address = numericAddress(text.substring(0, slash));
        try {
            return new IpPrefix(address, Integer.parseInt(text.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a numeric prefix length in " + text, e);
        }
    }

    /** Parses a literal IPv4 or IPv6 address without any DNS lookup. */
    public static InetAddress numericAddress(String text) {
        boolean literal = text.matches("[0-9.]+") && text.chars().filter(c -> c == '.').count() == 3
                || text.contains(":") && text.matches("[0-9A-Fa-f:.]+");
        if (!literal) {
            throw new IllegalArgumentException("expected a numeric IPv4 or IPv6 address, got " + text);
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("expected a numeric IPv4 or IPv6 address, got " + text, e);
        }
    }

    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    public boolean isHost() {
        return length == maxLength(address);
    }

    private static int maxLength(InetAddress address) {
        return address instanceof Inet4Address ? 32 : 128;
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + length;
    }
}
