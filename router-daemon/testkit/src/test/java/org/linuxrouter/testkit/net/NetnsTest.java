package org.linuxrouter.testkit.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.linuxrouter.testkit.process.CommandException;
import org.linuxrouter.testkit.process.CommandResult;

/** On the host kernel (netns and veth exist there; only 802.1Q does not). Needs root and iproute2, iputils-ping. */
class NetnsTest {

    private static String unique(String base) {
        return base + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    }

    @Test
    void vethPairBetweenTwoNamespacesCarriesPingsAndReadsBackAsJson() {
        String leftName = unique("tk-left");
        String rightName = unique("tk-right");
        try (Netns left = Netns.create(leftName); Netns right = Netns.create(rightName)) {
            assertTrue(Netns.exists(leftName));
            left.vethTo(right, "veth-l", "veth-r");
            left.ip().batch(List.of("address add 192.0.2.1/24 dev veth-l", "link set veth-l up"));
            right.ip().batch(List.of("address add 192.0.2.2/24 dev veth-r", "link set veth-r up"));

            JsonNode link = right.ip().link("veth-r");
            assertEquals("veth", link.path("linkinfo").path("info_kind").asText());
            assertEquals("UP", link.path("operstate").asText());
            JsonNode addresses = right.ip().json("address", "show", "dev", "veth-r");
            assertEquals("192.0.2.2", addresses.get(0).path("addr_info").get(0).path("local").asText());

            CommandResult ping = left.exec("ping", "-n", "-c", "1", "-W", "5", "192.0.2.2");
            assertEquals(0, ping.exitCode(), ping.stdout() + ping.stderr());
            assertTrue(ping.stdout().contains("1 received"), ping.stdout());
        }
        assertFalse(Netns.exists(leftName), "close() deletes the namespace");
        assertFalse(Netns.exists(rightName));
    }

    @Test
    void batchStopsAtTheFirstBadLineWithIpsOwnMessage() {
        try (Netns ns = Netns.create(unique("tk-batch"))) {
            CommandException e = assertThrows(CommandException.class,
                    () -> ns.ip().batch(List.of("link add br0 type bridge", "link set nosuchdev up")));
            assertTrue(e.getMessage().contains("nosuchdev"), e.getMessage());
            assertEquals("bridge", ns.ip().link("br0").path("linkinfo").path("info_kind").asText());
        }
    }

    @Test
    void namesAreCheckedBeforeIpSeesThem() {
        assertThrows(IllegalArgumentException.class, () -> Netns.create("bad name"));
        assertThrows(IllegalArgumentException.class, () -> Ip.in("../etc"));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> Ip.host().link("interface-name-too-long"));
        assertTrue(tooLong.getMessage().startsWith("expected an interface name of 1-15"), tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ip.host().batch(List.of("link show\nlink show")));
    }

    @Test
    void ipJsonOutputIsParsedAndGarbageIsAClearError() {
        assertEquals("lo", Ip.parse("[{\"ifname\":\"lo\"}]", List.of("ip")).get(0).path("ifname").asText());
        assertEquals(0, Ip.parse("", List.of("ip")).size(), "ip prints nothing for an empty netns list");
        CommandException e = assertThrows(CommandException.class, () -> Ip.parse("Error: x", List.of("ip", "-j")));
        assertTrue(e.getMessage().startsWith("expected JSON from [ip, -j], saw: Error: x"), e.getMessage());
    }
}
