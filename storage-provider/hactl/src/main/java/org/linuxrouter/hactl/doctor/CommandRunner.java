package org.linuxrouter.hactl.doctor;

import java.util.List;

/**
 * Runs a fixed command (an argument list, never a shell line) and returns what it printed. The doctor only runs
 * commands whose every word is a constant; tests give it recorded outputs instead of a live system.
 */
public interface CommandRunner {

    /** {@code status} -1: the command could not be started (not installed). */
    record Result(int status, String stdout, String stderr) {
        public boolean ok() {
            return status == 0;
        }

        /** The first non-blank line of stderr: enough to say why, and keeps a finding on one line. */
        public String error() {
            return stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                    .orElse("exit status " + status);
        }
    }

    Result run(List<String> argv);
}
