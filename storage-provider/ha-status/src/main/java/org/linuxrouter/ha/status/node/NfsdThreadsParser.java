package org.linuxrouter.ha.status.node;

import org.linuxrouter.ha.status.Malformed;
import org.linuxrouter.ha.status.Parsing;
import org.linuxrouter.ha.status.Reading;

/** Reads {@code /proc/fs/nfsd/threads}: one decimal number; 0 means the NFS server is stopped. */
public final class NfsdThreadsParser {
    private NfsdThreadsParser() {
    }

    public static Reading<Integer> parse(String text) {
        return Parsing.guard("/proc/fs/nfsd/threads", text, () -> {
            String t = text.strip();
            if (!t.matches("\\d{1,6}")) {
                throw new Malformed("expected a thread count, got '" + (t.length() > 40 ? t.substring(0, 40) : t) + "'");
            }
            return Integer.parseInt(t);
        });
    }
}
