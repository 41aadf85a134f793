package org.linuxrouter.rtnetlink.wire;

/** The netlink message header (struct nlmsghdr, linux/netlink.h): control types, flags and the alignment rule. */
public final class Nlmsg {
    /** sizeof(struct nlmsghdr): u32 len, u16 type, u16 flags, u32 seq, u32 pid. */
    public static final int HEADER_LENGTH = 16;
    /** NLMSG_ALIGNTO: every message and every attribute starts on a 4-byte boundary. */
    public static final int ALIGNMENT = 4;

    public static final int NOOP = 1;
    public static final int ERROR = 2;
    public static final int DONE = 3;
    public static final int OVERRUN = 4;

    public static final int F_REQUEST = 0x1;
    public static final int F_MULTI = 0x2;
    public static final int F_ACK = 0x4;
    public static final int F_ECHO = 0x8;
    /** Set on the parts of a dump that the kernel knows is inconsistent because the table changed under it. */
    public static final int F_DUMP_INTR = 0x10;
    public static final int F_DUMP_FILTERED = 0x20;

    /** Modifiers of GET requests. */
    public static final int F_ROOT = 0x100;
    public static final int F_MATCH = 0x200;
    public static final int F_DUMP = F_ROOT | F_MATCH;

    /** Modifiers of NEW requests. */
    public static final int F_REPLACE = 0x100;
    public static final int F_EXCL = 0x200;
    public static final int F_CREATE = 0x400;
    public static final int F_APPEND = 0x800;

    /** Flags of NLMSG_ERROR messages: the echoed request is cut to its header; TLVs (extack) follow. */
    public static final int F_CAPPED = 0x100;
    public static final int F_ACK_TLVS = 0x200;

    /** Attributes after struct nlmsgerr (enum nlmsgerr_attrs). */
    public static final int ERR_ATTR_MSG = 1;
    public static final int ERR_ATTR_OFFS = 2;

    private Nlmsg() {
    }

    /** NLMSG_ALIGN / NLA_ALIGN: rounds a length up to the next multiple of 4. */
    public static int align(int length) {
        return (length + ALIGNMENT - 1) & ~(ALIGNMENT - 1);
    }

    /** A readable name for a control or rtnetlink message type, e.g. {@code RTM_NEWLINK}. */
    public static String typeName(int type) {
        switch (type) {
            case NOOP: return "NLMSG_NOOP";
            case ERROR: return "NLMSG_ERROR";
            case DONE: return "NLMSG_DONE";
            case OVERRUN: return "NLMSG_OVERRUN";
            default: return Rtm.typeName(type);
        }
    }
}
