package org.linuxrouter.protocol.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Plan} and {@link PlannedStep}: bounds, host-wide steps, immutability and value semantics. */
class PlanTest {
  private static PlannedStep step(String action) {
    return PlannedStep.builder().action(action).build();
  }

  @Test
  void actionIsBoundedPrintableText() {
    assertEquals(512, step("x".repeat(512)).action().length());
    assertEquals("action: expected 1..512 characters, got 513",
        assertThrows(ValidationException.class, () -> step("x".repeat(513))).getMessage());
    assertEquals("action: expected 1..512 characters, got 0",
        assertThrows(ValidationException.class, () -> step("")).getMessage());
    assertEquals("action: expected a value, got none",
        assertThrows(ValidationException.class, () -> step(null)).getMessage());
    assertEquals("action: expected no control characters, got one at index 6",
        assertThrows(ValidationException.class, () -> step("create\tlink")).getMessage());
  }

  @Test
  void networkIsOptionalForHostWideSteps() {
    assertEquals(Optional.empty(), step("set sysctl").network());
    PlannedStep owned = PlannedStep.builder().network(Fixtures.NETWORK).action("create link eth1.100").build();
    assertEquals(Optional.of(Fixtures.NETWORK), owned.network());
    assertNotEquals(owned, owned.newBuilder().network(null).build());
    assertEquals(owned, owned.newBuilder().build());
    assertEquals(owned.hashCode(), owned.newBuilder().build().hashCode());
  }

  @Test
  void planCopiesItsStepsAndKeepsTheirOrderAndDuplicates() {
    List<PlannedStep> given = new ArrayList<>(Arrays.asList(step("b"), step("a"), step("b")));
    Plan plan = Plan.builder().steps(given).build();
    given.clear();
    assertEquals(Arrays.asList(step("b"), step("a"), step("b")), plan.steps());
    assertThrows(UnsupportedOperationException.class, () -> plan.steps().add(step("c")));
    assertFalse(plan.isEmpty());
    assertTrue(Plan.builder().build().isEmpty());
    assertEquals(plan, plan.newBuilder().build());
    assertNotEquals(plan, plan.newBuilder().addStep(step("c")).build());
  }

  @Test
  void planRefusesNullsAndOversizedLists() {
    assertEquals("steps: expected a value, got none",
        assertThrows(ValidationException.class, () -> Plan.builder().steps(null).build()).getMessage());
    assertEquals("steps[1]: expected a value, got none", assertThrows(ValidationException.class,
        () -> Plan.builder().steps(Arrays.asList(step("a"), null)).build()).getMessage());
    List<PlannedStep> tooMany = Collections.nCopies(Plan.MAX_STEPS + 1, step("a"));
    assertEquals("steps: expected at most 100000 entries, got 100001",
        assertThrows(ValidationException.class, () -> Plan.builder().steps(tooMany).build()).getMessage());
    assertEquals(Plan.MAX_STEPS, Plan.builder().steps(tooMany.subList(0, Plan.MAX_STEPS)).build().steps().size());
  }
}
