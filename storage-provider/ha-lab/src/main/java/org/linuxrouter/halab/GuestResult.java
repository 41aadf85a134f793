package org.linuxrouter.halab;

import java.util.List;

/** What one command in a guest returned: exit status and its stdout and stderr, interleaved. */
record GuestResult(List<String> argv, int exitCode, String output) {

    GuestResult {
        argv = List.copyOf(argv);
    }

    GuestResult requireSuccess(String vmName) {
        if (exitCode != 0) {
            throw new LabException("on " + vmName + ", expected " + argv + " to succeed, it exited " + exitCode
                    + ":\n" + output);
        }
        return this;
    }
}
