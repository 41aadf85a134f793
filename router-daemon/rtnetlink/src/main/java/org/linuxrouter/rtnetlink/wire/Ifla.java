package org.linuxrouter.rtnetlink.wire;

/** Link attributes (IFLA_*, linux/if_link.h), link-info kinds' attributes and interface flags (IFF_*). */
public final class Ifla {
    public static final int ADDRESS = 1;
    public static final int BROADCAST = 2;
    public static final int IFNAME = 3;
    public static final int MTU = 4;
    public static final int LINK = 5;
    public static final int MASTER = 10;
    public static final int OPERSTATE = 16;
    public static final int LINKINFO = 18;
    public static final int IFALIAS = 20;
    public static final int AF_SPEC = 26;
    public static final int EXT_MASK = 29;

    /** Inside IFLA_LINKINFO. */
    public static final int INFO_KIND = 1;
    public static final int INFO_DATA = 2;

    /** Inside IFLA_INFO_DATA of kind "vlan". */
    public static final int VLAN_ID = 1;
    public static final int VLAN_FLAGS = 2;
    public static final int VLAN_PROTOCOL = 5;

    /** Inside IFLA_INFO_DATA of kind "vxlan" (IFLA_VXLAN_*). GROUP holds a multicast group or one unicast remote. */
    public static final int VXLAN_ID = 1;
    public static final int VXLAN_GROUP = 2;
    public static final int VXLAN_LINK = 3;
    public static final int VXLAN_LOCAL = 4;
    public static final int VXLAN_TTL = 5;
    public static final int VXLAN_LEARNING = 7;
    /** The UDP destination port, in network byte order (the only big-endian attribute of the kind). */
    public static final int VXLAN_PORT = 15;
    public static final int VXLAN_GROUP6 = 16;
    public static final int VXLAN_LOCAL6 = 17;

    /** Inside IFLA_INFO_DATA of kind "veth": the peer, an ifinfomsg followed by its own IFLA attributes. */
    public static final int VETH_INFO_PEER = 1;

    /** IFLA_EXT_MASK bits: leave out statistics we never read, to keep dump messages small. */
    public static final int RTEXT_FILTER_SKIP_STATS = 1 << 3;

    public static final int IFF_UP = 0x1;
    public static final int IFF_BROADCAST = 0x2;
    public static final int IFF_LOOPBACK = 0x8;
    public static final int IFF_RUNNING = 0x40;
    public static final int IFF_NOARP = 0x80;
    public static final int IFF_MULTICAST = 0x1000;
    public static final int IFF_LOWER_UP = 0x10000;

    /** Longest interface name, in bytes, without the terminating NUL (IFNAMSIZ - 1). */
    public static final int IFNAME_MAX = 15;
    /** Longest interface alias, in bytes (IFALIASZ - 1). */
    public static final int IFALIAS_MAX = 255;

    private Ifla() {
    }
}
