package org.linuxrouter.daemon.services.dhcp;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** kill(2), for SIGHUP: {@link Process} can only send SIGTERM and SIGKILL. */
final class Signals {
    static final int SIGHUP = 1;

    private interface LibC extends Library {
        int kill(int pid, int signal);
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private Signals() {
    }

    /** Sends {@code signal} to {@code pid}; false when the process is gone. */
    static boolean send(long pid, int signal) {
        return Holder.LIBC.kill((int) pid, signal) == 0;
    }
}
