package org.linuxrouter.rtnetlink.wire;

/** Neighbour attributes (NDA_*), flags (NTF_*) and states (NUD_*), linux/neighbour.h. */
public final class Nda {
    public static final int DST = 1;
    public static final int LLADDR = 2;
    public static final int IFINDEX = 8;

    /** On an AF_BRIDGE entry: the entry belongs to the device itself (a VXLAN's forwarding table), not a bridge. */
    public static final int NTF_SELF = 0x02;
    public static final int NTF_PROXY = 0x08;
    public static final int NTF_ROUTER = 0x80;

    public static final int NUD_INCOMPLETE = 0x01;
    public static final int NUD_REACHABLE = 0x02;
    public static final int NUD_STALE = 0x04;
    public static final int NUD_DELAY = 0x08;
    public static final int NUD_PROBE = 0x10;
    public static final int NUD_FAILED = 0x20;
    public static final int NUD_NOARP = 0x40;
    public static final int NUD_PERMANENT = 0x80;

    private Nda() {
    }
}
