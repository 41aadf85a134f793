package org.linuxrouter.daemon.kernel;

import java.util.Objects;
import java.util.Optional;

/** The outcome of one step: done, or failed with the kernel's reason (errno name and extended-ack text). */
public record StepResult(Step step, Optional<String> failure) {
    public StepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(failure, "failure");
    }

    public static StepResult done(Step step) {
        return new StepResult(step, Optional.empty());
    }

    public static StepResult failed(Step step, String reason) {
        return new StepResult(step, Optional.of(reason));
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }
}
