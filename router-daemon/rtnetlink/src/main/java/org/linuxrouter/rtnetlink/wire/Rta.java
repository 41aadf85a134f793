package org.linuxrouter.rtnetlink.wire;

/** Route attributes (RTA_*), linux/rtnetlink.h. */
public final class Rta {
    public static final int DST = 1;
    public static final int SRC = 2;
    public static final int IIF = 3;
    public static final int OIF = 4;
    public static final int GATEWAY = 5;
    public static final int PRIORITY = 6;
    public static final int PREFSRC = 7;
    public static final int TABLE = 15;

    private Rta() {
    }
}
