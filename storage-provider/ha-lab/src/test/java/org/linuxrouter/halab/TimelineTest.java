package org.linuxrouter.halab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guest logs as the lab's survivor wrote them (lines from a real takeover), mapped onto the host's clock. */
class TimelineTest {

    private static final String HA_LOG = String.join("\n",
            "Nov 25 17:28:43 store2 heartbeat: [425]: WARN: node store1: is dead",
            "2026/11/25_17:28:47  ResourceManager(default)[646]:    info: Acquiring resource group: store1 drbddisk::r0",
            "ResourceManager(default)[667]:\t2026/11/25_17:28:49 info: Running /etc/ha.d//resource.d/drbddisk r0 start",
            "a line without a time stamp", "");

    private static final String JOURNAL = String.join("\n",
            "-- Journal begins --",
            "1795886925.125000 store2 kernel: drbd r0: PingAck did not arrive in time.",
            "1795886929.500000 store2 kernel: block drbd0: role( Secondary -> Primary ) ", "");

    @Test
    void bothHaLogFormatsAreReadOnTheGuestClockShiftedToTheHosts() {
        Duration guestAhead = Duration.ofSeconds(3);
        List<Timeline.Event> events = Timeline.parseHaLog(HA_LOG, guestAhead, "store2", 2026);
        assertEquals(3, events.size());
        // whole seconds: the middle of the second, minus the guest's lead
        assertEquals(Instant.parse("2026-11-25T17:28:40.500Z"), events.get(0).at());
        assertEquals("heartbeat: [425]: WARN: node store1: is dead", events.get(0).text());
        assertEquals(Instant.parse("2026-11-25T17:28:46.500Z"), events.get(2).at());
    }

    @Test
    void journalLinesKeepTheirMicroseconds() {
        List<Timeline.Event> events = Timeline.parseJournal(JOURNAL, Duration.ofMillis(-250), "store2");
        assertEquals(2, events.size());
        assertEquals(Instant.ofEpochSecond(1795886925, 375_000_000), events.get(0).at());
        assertEquals("kernel: drbd r0: PingAck did not arrive in time.", events.get(0).text());
    }

    @Test
    void milestonesAreTheFirstMatchAfterThePowerLoss() {
        List<Timeline.Event> events = new ArrayList<>(Timeline.parseHaLog(HA_LOG, Duration.ZERO, "store2", 2026));
        Map<String, Timeline.Event> found = timeline(events).milestones(Instant.parse("2026-11-25T17:28:44Z"));
        assertEquals(List.of("haresources: chain acquisition begins", "haresources: drbddisk start"),
                List.copyOf(found.keySet()), "the dead-node line is before the instant given, so it is left out");
    }

    private static Timeline timeline(List<Timeline.Event> events) {
        return Timeline.of(events);
    }
}
