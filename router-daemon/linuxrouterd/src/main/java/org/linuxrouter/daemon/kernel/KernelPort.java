package org.linuxrouter.daemon.kernel;

import java.util.List;

/**
 * The only door from the daemon to the kernel's network state. {@link NetlinkKernel} is the real one (rtnetlink);
 * tests of the reconciler use a recording fake. Implementations never throw for a failed step: each step's
 * outcome is reported, so one bad network cannot block the others.
 */
public interface KernelPort {

    /** Dumps what the daemon owns now. Throws {@link KernelException} when the kernel cannot be read at all. */
    KernelState observe();

    /** Performs the steps in order, as few round trips as possible, and reports each outcome in the same order. */
    List<StepResult> apply(List<Step> steps);
}
