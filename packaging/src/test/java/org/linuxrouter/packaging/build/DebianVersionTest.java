package org.linuxrouter.packaging.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DebianVersionTest {
    @Test
    void snapshotsAndPreReleasesSortBeforeTheRelease() {
        assertEquals("0.1.0~snapshot", DebianVersion.of("0.1.0-SNAPSHOT"));
        assertEquals("1.0~rc1", DebianVersion.of("1.0-rc1"));
        assertEquals("1.0~beta2", DebianVersion.of("1.0.beta2"));
        assertEquals("1.2.3", DebianVersion.of("1.2.3"));
        assertEquals("1.2.3+1", DebianVersion.of("1.2.3-1"));
    }

    @Test
    void aVersionDebianCannotHoldIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> DebianVersion.of("next"));
        assertThrows(IllegalArgumentException.class, () -> DebianVersion.of("1.0 final"));
    }
}
