package org.linuxrouter.sdk.conformance;

import java.util.Objects;

/** One difference between an SDK class and the real CloudStack class it mirrors. */
public final class Mismatch {
    private final String className;
    private final String problem;
    private final String expected;
    private final String seen;

    public Mismatch(String className, String problem, String expected, String seen) {
        this.className = Objects.requireNonNull(className, "className");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.expected = Objects.requireNonNull(expected, "expected");
        this.seen = Objects.requireNonNull(seen, "seen");
    }

    public String className() {
        return className;
    }

    /** What is wrong, in lower case, e.g. {@code header differs}. */
    public String problem() {
        return problem;
    }

    public String expected() {
        return expected;
    }

    public String seen() {
        return seen;
    }

    @Override
    public String toString() {
        return className + ": " + problem + "; expected: " + expected + "; seen: " + seen;
    }
}
