package org.linuxrouter.rtnetlink;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the kernel answered to each operation of a {@link Batch}, in the order they were added.
 *
 * @param outcomes one per operation
 */
public record BatchResult(List<Outcome> outcomes) {
    public BatchResult {
        outcomes = List.copyOf(outcomes);
    }

    /**
     * One operation's outcome.
     *
     * @param operation what was asked, e.g. {@code RTM_NEWADDR 192.0.2.1/24 dev 3}
     * @param failure   the kernel's refusal, empty on success
     */
    public record Outcome(String operation, Optional<NetlinkException> failure) {
        static Outcome success(String operation) {
            return new Outcome(operation, Optional.empty());
        }

        static Outcome failure(NetlinkException failure) {
            return new Outcome(failure.operation(), Optional.of(failure));
        }

        public boolean succeeded() {
            return failure.isEmpty();
        }
    }

    /** The refusals only, in order. */
    public List<NetlinkException> failures() {
        return outcomes.stream().flatMap(o -> o.failure().stream()).collect(Collectors.toList());
    }

    /**
     * Throws the first refusal, with the others attached as suppressed exceptions, if there was any.
     */
    public void throwIfAnyFailed() {
        List<NetlinkException> failures = failures();
        if (!failures.isEmpty()) {
            NetlinkException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
