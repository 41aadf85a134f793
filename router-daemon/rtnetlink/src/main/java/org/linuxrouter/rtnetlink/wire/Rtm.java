package org.linuxrouter.rtnetlink.wire;

/** rtnetlink message types and the route-message enumerations (linux/rtnetlink.h). */
public final class Rtm {
    public static final int NEWLINK = 16;
    public static final int DELLINK = 17;
    public static final int GETLINK = 18;
    public static final int SETLINK = 19;
    public static final int NEWADDR = 20;
    public static final int DELADDR = 21;
    public static final int GETADDR = 22;
    public static final int NEWROUTE = 24;
    public static final int DELROUTE = 25;
    public static final int GETROUTE = 26;
    public static final int NEWNEIGH = 28;
    public static final int DELNEIGH = 29;
    public static final int GETNEIGH = 30;

    /** rtm_type. */
    public static final int RTN_UNSPEC = 0;
    public static final int RTN_UNICAST = 1;
    public static final int RTN_LOCAL = 2;
    public static final int RTN_BROADCAST = 3;
    public static final int RTN_ANYCAST = 4;
    public static final int RTN_MULTICAST = 5;
    public static final int RTN_BLACKHOLE = 6;
    public static final int RTN_UNREACHABLE = 7;
    public static final int RTN_PROHIBIT = 8;

    /** rtm_protocol. Values above RTPROT_STATIC are free for daemons to tag their own routes. */
    public static final int RTPROT_UNSPEC = 0;
    public static final int RTPROT_KERNEL = 2;
    public static final int RTPROT_BOOT = 3;
    public static final int RTPROT_STATIC = 4;

    /** rtm_scope. */
    public static final int RT_SCOPE_UNIVERSE = 0;
    public static final int RT_SCOPE_SITE = 200;
    public static final int RT_SCOPE_LINK = 253;
    public static final int RT_SCOPE_HOST = 254;
    public static final int RT_SCOPE_NOWHERE = 255;

    /** rtm_table. Ids above 255 travel in RTA_TABLE with rtm_table set to RT_TABLE_UNSPEC. */
    public static final int RT_TABLE_UNSPEC = 0;
    public static final int RT_TABLE_MAIN = 254;
    public static final int RT_TABLE_LOCAL = 255;

    /** Legacy multicast group bits for nl_groups at bind time (RTMGRP_*). */
    public static final int RTMGRP_LINK = 0x1;
    public static final int RTMGRP_NEIGH = 0x4;
    public static final int RTMGRP_IPV4_IFADDR = 0x10;
    public static final int RTMGRP_IPV4_ROUTE = 0x40;
    public static final int RTMGRP_IPV6_IFADDR = 0x100;
    public static final int RTMGRP_IPV6_ROUTE = 0x400;

    private static final String[] NAMES = {
        "RTM_NEWLINK", "RTM_DELLINK", "RTM_GETLINK", "RTM_SETLINK",
        "RTM_NEWADDR", "RTM_DELADDR", "RTM_GETADDR", "RTM_23",
        "RTM_NEWROUTE", "RTM_DELROUTE", "RTM_GETROUTE", "RTM_27",
        "RTM_NEWNEIGH", "RTM_DELNEIGH", "RTM_GETNEIGH",
    };

    private Rtm() {
    }

    /** The kernel's name for a message type, e.g. {@code RTM_NEWADDR}, or {@code RTM_<n>} for others. */
    public static String typeName(int type) {
        int i = type - NEWLINK;
        return i >= 0 && i < NAMES.length ? NAMES[i] : "RTM_" + type;
    }
}
