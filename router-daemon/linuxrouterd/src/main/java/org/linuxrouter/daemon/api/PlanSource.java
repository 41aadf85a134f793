package org.linuxrouter.daemon.api;

import java.util.List;
import org.linuxrouter.daemon.kernel.Step;

/** What the reconciler would change right now (desired vs a fresh kernel dump), for {@code GET /v1/plan}. */
@FunctionalInterface
public interface PlanSource {
    List<Step> plan();
}
