package org.linuxrouter.ha.status;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One observed value, or the reason it could not be observed (command failed, file missing, output malformed or
 * truncated). Parsers return this instead of throwing, so a bad status source makes the pair UNKNOWN with a
 * reason rather than an exception escaping into the agent or CloudStack.
 */
public final class Reading<T> {
    private final T value;
    private final String problem;

    private Reading(T value, String problem) {
        this.value = value;
        this.problem = problem;
    }

    public static <T> Reading<T> of(T value) {
        return new Reading<>(Objects.requireNonNull(value, "value"), null);
    }

    public static <T> Reading<T> unknown(String reason) {
        Objects.requireNonNull(reason, "reason");
        return new Reading<>(null, reason.isBlank() ? "no reason given" : reason);
    }

    public boolean known() {
        return problem == null;
    }

    /** The value; only call after {@link #known()}. */
    public T value() {
        if (problem != null) {
            throw new IllegalStateException("no value: " + problem);
        }
        return value;
    }

    /** Why the value is unknown; empty when known. */
    public String problem() {
        return problem == null ? "" : problem;
    }

    public Optional<T> asOptional() {
        return Optional.ofNullable(value);
    }

    public <R> Reading<R> map(Function<? super T, ? extends R> f) {
        return known() ? Reading.of(f.apply(value)) : unknown(problem);
    }

    /** The same reason, prefixed with where the reading came from ("node a: /proc/drbd: ..."). */
    public Reading<T> about(String where) {
        return known() ? this : unknown(where + ": " + problem);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Reading)) {
            return false;
        }
        Reading<?> r = (Reading<?>) o;
        return Objects.equals(value, r.value) && Objects.equals(problem, r.problem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, problem);
    }

    @Override
    public String toString() {
        return known() ? String.valueOf(value) : "unknown (" + problem + ")";
    }
}
