package org.linuxrouter.testkit.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Fails on purpose, inside the guest only: a failing guest test must make the whole UML run report failure. */
@Tag("uml-guest")
class DeliberateGuestFailure {

    @Test
    void failsOnPurpose() {
        assertEquals("vlan 100", "vlan 200", "deliberate failure inside the UML guest");
    }
}
