package org.linuxrouter.lab.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How ping's output becomes an outage: iputils lines as {@code ping -n -D -O} prints them. */
class ProbeResultTest {

    @Test
    void anOutageIsTheTimeAcrossARunOfLostProbesNotAStalledProber() {
        ProbeResult r = PingProbe.parse("up", List.of(
                "PING 198.51.100.1 (198.51.100.1) 56(84) bytes of data.",
                "[1000.000000] 64 bytes from 198.51.100.1: icmp_seq=1 ttl=63 time=0.5 ms",
                "[1000.020000] 64 bytes from 198.51.100.1: icmp_seq=2 ttl=63 time=0.5 ms",
                "[1003.020000] 64 bytes from 198.51.100.1: icmp_seq=3 ttl=63 time=0.5 ms",
                "[1003.040000] no answer yet for icmp_seq=4",
                "[1003.060000] no answer yet for icmp_seq=5",
                "[1003.640000] 64 bytes from 198.51.100.1: icmp_seq=6 ttl=62 time=0.5 ms",
                "[1003.660000] 64 bytes from 198.51.100.1: icmp_seq=6 ttl=63 time=0.5 ms (DUP!)",
                "[1003.700000] From 198.51.100.2 icmp_seq=7 Time to live exceeded"));
        assertEquals(620, r.outageMillis(1_001_000), "seq 3 -> 6 lost two; the 3 s between 2 and 3 lost nothing");
        assertEquals(0, r.outageMillis(1_003_700), "nothing lost after the last answer");
        assertEquals(4, r.replies().size());
        assertEquals(6, r.sent(), "seq 7 drew an ICMP error, not an answer or a miss");
        assertEquals(1, r.duplicates());
        assertEquals(1, r.loops().size());
        assertTrue(r.ttls().contains(62));
        assertEquals(1, r.answeredAfter(1_003_640));
    }
}
