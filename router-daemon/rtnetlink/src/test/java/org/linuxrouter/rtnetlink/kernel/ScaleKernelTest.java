package org.linuxrouter.rtnetlink.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linuxrouter.rtnetlink.Link;
import org.linuxrouter.rtnetlink.Rtnl;
import org.linuxrouter.rtnetlink.testing.FreshNetns;
import org.linuxrouter.rtnetlink.testing.Ip;

/** A dump far larger than one datagram: the multipart path. Needs root. */
@FreshNetns
class ScaleKernelTest {
    @Test
    void dumpOf2000LinksSpansManyDatagramsAndMissesNone() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add("link add a" + i + " type veth peer name b" + i);
        }
        Ip.batch(lines);
        Set<String> expected = new HashSet<>(LinkKernelTest.names(Ip.json("link", "show")));
        assertEquals(2001, expected.size());
        try (Rtnl rtnl = Rtnl.open()) {
            Set<String> listed = new HashSet<>();
            for (Link l : rtnl.links().list()) {
                listed.add(l.name());
            }
            assertEquals(expected, listed);
        }
    }
}
