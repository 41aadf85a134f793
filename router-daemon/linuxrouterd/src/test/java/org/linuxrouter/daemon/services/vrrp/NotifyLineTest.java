package org.linuxrouter.daemon.services.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The notify FIFO's lines as keepalived 2.2.7 writes them (vrrp_notify.c: {@code INSTANCE "%s" %s %d}). */
class NotifyLineTest {

    @Test
    void aStateLineIsAStateChange() {
        NotifyLine line = NotifyLine.parse("INSTANCE \"linuxrouter\" BACKUP 100\n").orElseThrow();
        assertEquals(new NotifyLine("linuxrouter", VrrpState.BACKUP, 100, false), line);
        assertEquals(VrrpState.STOP, NotifyLine.parse("INSTANCE \"linuxrouter\" DELETED 100").orElseThrow().state());
    }

    @Test
    void aLowerPriorityAdvertSeenByTheMasterIsAnEventNotAStateChange() {
        NotifyLine line = NotifyLine.parse("INSTANCE \"linuxrouter\" MASTER_RX_LOWER_PRI 110").orElseThrow();
        assertTrue(line.lowerPriorityAdvert());
        assertEquals(VrrpState.MASTER, line.state());
        assertEquals(110, line.priority());
        assertFalse(NotifyLine.parse("INSTANCE \"linuxrouter\" MASTER 110").orElseThrow().lowerPriorityAdvert());
    }

    @Test
    void groupLinesAndAnythingMalformedAreIgnored() {
        assertEquals(Optional.empty(), NotifyLine.parse("GROUP \"g\" MASTER 100"));
        assertEquals(Optional.empty(), NotifyLine.parse("INSTANCE \"linuxrouter\" MASTER_PRIORITY 100"));
        assertEquals(Optional.empty(), NotifyLine.parse("INSTANCE \"linuxrouter\" MASTER"));
        assertEquals(Optional.empty(), NotifyLine.parse("INSTANCE \"a b\" MASTER 100"));
    }
}
