package org.linuxrouter.ha.status.node;

/** chrony's leap status: anything but NORMAL deserves a look (the 2012 leap second froze Java and MySQL). */
public enum LeapStatus {
    NORMAL("Normal"), INSERT_SECOND("Insert second"), DELETE_SECOND("Delete second"),
    NOT_SYNCHRONISED("Not synchronised"), UNKNOWN("unknown");

    private final String chronyName;

    LeapStatus(String chronyName) {
        this.chronyName = chronyName;
    }

    public String chronyName() {
        return chronyName;
    }

    static LeapStatus fromChrony(String text) {
        for (LeapStatus l : values()) {
            if (l.chronyName.equals(text)) {
                return l;
            }
        }
        throw new org.linuxrouter.ha.status.Malformed("unknown leap status '" + text + "'");
    }
}
