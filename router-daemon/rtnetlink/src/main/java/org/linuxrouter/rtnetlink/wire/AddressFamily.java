package org.linuxrouter.rtnetlink.wire;

import java.net.Inet4Address;
import java.net.InetAddress;

/** Address families used in rtnetlink headers (AF_*), and ethertypes used by link kinds (ETH_P_*). */
public final class AddressFamily {
    public static final int UNSPEC = 0;
    public static final int INET = 2;
    public static final int BRIDGE = 7;
    public static final int INET6 = 10;

    public static final int ETH_P_8021Q = 0x8100;
    public static final int ETH_P_8021AD = 0x88A8;

    private AddressFamily() {
    }

    /** AF_INET for an IPv4 address, AF_INET6 for an IPv6 one. */
    public static int of(InetAddress address) {
        return address instanceof Inet4Address ? INET : INET6;
    }

    /** Address length in bytes for AF_INET (4) or AF_INET6 (16). */
    public static int addressLength(int family) {
        if (family == INET) {
            return 4;
        }
        if (family == INET6) {
            return 16;
        }
        throw new IllegalArgumentException("expected address family AF_INET (2) or AF_INET6 (10), got " + family);
    }
}
