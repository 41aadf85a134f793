package org.linuxrouter.rtnetlink.wire;

/** Address attributes (IFA_*) and flags (IFA_F_*), linux/if_addr.h. */
public final class Ifa {
    public static final int ADDRESS = 1;
    public static final int LOCAL = 2;
    public static final int LABEL = 3;
    public static final int BROADCAST = 4;
    public static final int CACHEINFO = 6;
    public static final int FLAGS = 8;
    /** u8 originator tag (Linux 6.1+), the address counterpart of a route's protocol number. */
    public static final int PROTO = 11;

    public static final int F_SECONDARY = 0x01;
    public static final int F_NODAD = 0x02;
    public static final int F_DADFAILED = 0x08;
    public static final int F_DEPRECATED = 0x20;
    public static final int F_TENTATIVE = 0x40;
    public static final int F_PERMANENT = 0x80;
    public static final int F_NOPREFIXROUTE = 0x200;

    private Ifa() {
    }
}
