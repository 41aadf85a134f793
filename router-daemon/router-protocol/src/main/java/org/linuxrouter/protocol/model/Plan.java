package org.linuxrouter.protocol.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the reconciler would change right now to make the kernel match the desired state, as
 * {@code GET /v1/plan} returns it: an ordered list of {@link PlannedStep}s, empty when nothing differs.
 * Steps need not be unique (two networks may each want the same host-wide change).
 */
public final class Plan {
  /** Far above any real plan (4096 NICs with a few steps each), low enough to bound a response. */
  public static final int MAX_STEPS = 100_000;

  private final List<PlannedStep> steps;

  private Plan(Builder builder) {
    List<PlannedStep> given = Check.present("steps", builder.steps);
    if (given.size() > MAX_STEPS) {
      throw new ValidationException("steps", "expected at most " + MAX_STEPS + " entries, got " + given.size());
    }
    List<PlannedStep> copy = new ArrayList<>(given.size());
    for (int i = 0; i < given.size(); i++) {
      copy.add(Check.present("steps[" + i + "]", given.get(i)));
    }
    this.steps = Collections.unmodifiableList(copy);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder newBuilder() {
    return new Builder(this);
  }

  /** The steps in the order the reconciler would take them (unmodifiable). */
  public List<PlannedStep> steps() {
    return steps;
  }

  /** True when the kernel already matches the desired state. */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Plan && ((Plan) other).steps.equals(steps);
  }

  @Override
  public int hashCode() {
    return steps.hashCode();
  }

  @Override
  public String toString() {
    return "Plan{steps=" + steps + "}";
  }

  /** Collects steps; {@link #build()} validates them. */
  public static final class Builder {
    private List<PlannedStep> steps = new ArrayList<>();

    private Builder() {
    }

    private Builder(Plan plan) {
      this.steps = new ArrayList<>(plan.steps);
    }

    /** Replaces the steps. */
    public Builder steps(List<PlannedStep> steps) {
      this.steps = steps == null ? null : new ArrayList<>(steps);
      return this;
    }

    public Builder addStep(PlannedStep step) {
      if (steps == null) {
        steps = new ArrayList<>();
      }
      steps.add(step);
      return this;
    }

    public Plan build() {
      return new Plan(this);
    }
  }
}
