package org.linuxrouter.testkit.process;

import java.util.List;
import java.util.Objects;

/**
 * What a finished program left behind.
 *
 * @param argv     the program and its arguments, as run
 * @param exitCode its exit status
 * @param stdout   everything it wrote to standard output
 * @param stderr   everything it wrote to standard error
 */
public record CommandResult(List<String> argv, int exitCode, String stdout, String stderr) {

    public CommandResult {
        argv = List.copyOf(argv);
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Returns this result, or throws with the program's own words if it failed. */
    public CommandResult requireSuccess() {
        if (!succeeded()) {
            throw new CommandException("expected exit code 0 from " + argv + ", saw " + exitCode
                    + (stderr.isBlank() ? "" : ": " + stderr.strip()));
        }
        return this;
    }
}
