package org.linuxrouter.hactl.doctor;

/**
 * How bad a finding is, mildest first. WARNING: a configuration risk, the pair still has full redundancy.
 * DEGRADED: serving, but redundancy is reduced now (peer down, resync). FAILED: not serving, or needs an operator
 * now (split brain, two primaries, VIP on the wrong node). The doctor's exit status is the worst severity's code.
 */
public enum Severity {
    OK("HEALTHY", 0), WARNING("WARNING", 1), DEGRADED("DEGRADED", 2), FAILED("FAILED", 3);

    private final String verdict;
    private final int exitCode;

    Severity(String verdict, int exitCode) {
        this.verdict = verdict;
        this.exitCode = exitCode;
    }

    /** The node's overall state when this is the worst finding. */
    public String verdict() {
        return verdict;
    }

    public int exitCode() {
        return exitCode;
    }
}
