package org.linuxrouter.ha.status.report;

import java.util.Objects;
import java.util.Optional;

/**
 * What one status source gave: a command's standard output and exit status, a file's content, or why it could
 * not be read. The agent ships these unparsed; every reader parses them with the same parsers, so a malformed
 * output is judged in one place.
 */
public final class RawOutput {
    /** Longest output kept; longer output is cut and then fails its parser as truncated. */
    public static final int MAX_CHARS = 256 * 1024;

    private final String text;
    private final int exitStatus;
    private final String error;

    private RawOutput(String text, int exitStatus, String error) {
        this.text = text;
        this.exitStatus = exitStatus;
        this.error = error;
    }

    public static RawOutput of(String text, int exitStatus) {
        Objects.requireNonNull(text, "text");
        return new RawOutput(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text, exitStatus, null);
    }

    public static RawOutput failed(String error) {
        Objects.requireNonNull(error, "error");
        return new RawOutput(null, -1, error.isBlank() ? "failed" : error);
    }

    /** The output; empty when the source could not be read. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** The command's exit status (0 for files); -1 when it could not be run. */
    public int exitStatus() {
        return exitStatus;
    }

    /** Why there is no output ("drbdsetup: not found", "timed out after 5 s"); empty when there is. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawOutput && Objects.equals(((RawOutput) o).text, text)
                && ((RawOutput) o).exitStatus == exitStatus && Objects.equals(((RawOutput) o).error, error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, exitStatus, error);
    }

    @Override
    public String toString() {
        return error != null ? "failed: " + error : "exit " + exitStatus + ", " + text.length() + " chars";
    }
}
