package org.linuxrouter.daemon.services.vrrp;

/** keepalived's instance states as its notify FIFO reports them, plus UNKNOWN before the first report. */
public enum VrrpState {
    UNKNOWN, BACKUP, MASTER, FAULT, STOP;

    /** The state word of a notify line ({@code MASTER}, {@code BACKUP}, {@code FAULT}, {@code STOP}). */
    static VrrpState ofWord(String word) {
        return switch (word) {
            case "MASTER" -> MASTER;
            case "BACKUP" -> BACKUP;
            case "FAULT" -> FAULT;
            case "STOP", "DELETED" -> STOP;
            default -> throw new IllegalArgumentException("VRRP state: expected MASTER, BACKUP, FAULT, STOP or "
                    + "DELETED, got " + word);
        };
    }
}
