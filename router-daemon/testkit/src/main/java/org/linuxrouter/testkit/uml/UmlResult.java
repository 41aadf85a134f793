package org.linuxrouter.testkit.uml;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one guest command ended.
 *
 * @param umid     the instance's name, as it prefixes the echoed console lines
 * @param exitCode the guest command's exit status, as the guest init reported it
 * @param output   every console line (kernel messages, init's "lrlab:" lines, the command's output)
 * @param bootTime from starting linux.uml to the guest init's first line
 * @param total    from starting linux.uml to its end
 */
public record UmlResult(String umid, int exitCode, List<String> output, Duration bootTime, Duration total) {

    public UmlResult {
        Objects.requireNonNull(umid, "umid");
        output = List.copyOf(output);
        Objects.requireNonNull(bootTime, "bootTime");
        Objects.requireNonNull(total, "total");
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    public String outputText() {
        return String.join("\n", output);
    }

    /** One line for test logs: what it took. */
    public String timings() {
        return String.format("uml %s: boot %d ms, whole run %d ms, exit %d", umid, bootTime.toMillis(),
                total.toMillis(), exitCode);
    }
}
