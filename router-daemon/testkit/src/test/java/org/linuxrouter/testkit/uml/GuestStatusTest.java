package org.linuxrouter.testkit.uml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GuestStatusTest {

    @Test
    void exitLineIsTheCommandsStatus() {
        GuestStatus status = GuestStatus.parse("exit 3\n");
        assertTrue(status.commandRan());
        assertEquals(3, status.code());
    }

    @Test
    void setupLineNamesTheFailedStep() {
        GuestStatus status = GuestStatus.parse("setup 8021q 1\n");
        assertFalse(status.commandRan());
        assertEquals("8021q", status.setupStep());
        assertEquals(1, status.code());
    }

    @Test
    void anythingElseIsRejectedWithWhatWasSeen() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GuestStatus.parse("exit"));
        assertEquals("expected a guest status 'exit <code>' or 'setup <step> <code>', saw 'exit'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GuestStatus.parse(""));
        assertThrows(IllegalArgumentException.class, () -> GuestStatus.parse("exit 1 extra"));
        assertThrows(IllegalArgumentException.class, () -> GuestStatus.parse("exit 300"));
    }
}
