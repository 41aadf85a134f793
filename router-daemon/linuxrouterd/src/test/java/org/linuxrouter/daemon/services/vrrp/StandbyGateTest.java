package org.linuxrouter.daemon.services.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linuxrouter.protocol.model.ValidationException;

/** The gate's nft text, pure: closed and open tables, the O(1) state switch, the set deltas. */
class StandbyGateTest {

    @Test
    void closedTableDropsOnEveryHookAndOpenHasNoRule() {
        String closed = StandbyGate.table(Set.of("vxlan5001", "eth1.100"), false);
        assertTrue(closed.contains("elements = { \"eth1.100\", \"vxlan5001\" }"), closed);
        assertEquals(2, count(closed, "iifname @guests drop"), closed);
        assertEquals(2, count(closed, "oifname @guests drop"), closed);
        assertEquals(4, count(closed, "priority -300;"), closed);
        assertTrue(closed.contains("table arp linuxrouter_standby {\n"), closed);
        assertTrue(closed.contains("type filter hook prerouting priority -300"), closed);
        assertTrue(closed.indexOf("delete table inet linuxrouter_standby") < closed.indexOf("set guests"),
                "replaces an earlier table in the same transaction");
        String open = StandbyGate.table(Set.of("vxlan5001"), true);
        assertFalse(open.contains("drop"), open);
        assertEquals(4, count(open, "priority -300;"), "the chains exist open too: opening is a flush");
        assertFalse(StandbyGate.table(Set.of(), false).contains("elements"), "an empty set has no element list");
    }

    @Test
    void openingAndClosingDoNotDependOnTheNetworks() {
        assertEquals("flush chain inet linuxrouter_standby prerouting\n"
                + "flush chain inet linuxrouter_standby output\n"
                + "flush chain arp linuxrouter_standby input\n"
                + "flush chain arp linuxrouter_standby output\n", StandbyGate.state(true));
        String closing = StandbyGate.state(false);
        assertEquals(4, count(closing, "flush chain"), "no rule is ever doubled");
        assertTrue(closing.contains("add rule arp linuxrouter_standby output oifname @guests drop\n"), closing);
        assertTrue(closing.contains("add rule inet linuxrouter_standby prerouting iifname @guests drop\n"), closing);
    }

    @Test
    void deltaTouchesOnlyWhatChangedInBothFamilies() {
        String d = StandbyGate.delta(Set.of("vxlan1", "vxlan2"), Set.of("vxlan2", "vxlan3"));
        assertEquals("delete element inet linuxrouter_standby guests { \"vxlan1\" }\n"
                + "add element inet linuxrouter_standby guests { \"vxlan3\" }\n"
                + "delete element arp linuxrouter_standby guests { \"vxlan1\" }\n"
                + "add element arp linuxrouter_standby guests { \"vxlan3\" }\n", d);
        assertEquals("", StandbyGate.delta(Set.of("a"), Set.of("a")));
    }

    @Test
    void aNameThatIsNotAnInterfaceNameNeverReachesNft() {
        assertThrows(ValidationException.class, () -> StandbyGate.table(Set.of("x\" } ; flush ruleset"), false));
        assertThrows(ValidationException.class, () -> StandbyGate.delta(Set.of(), Set.of("sixteen-bytes-xx")));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
