package org.linuxrouter.daemon.services.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.MacAddress;
import org.linuxrouter.testkit.net.Netns;
import org.linuxrouter.testkit.process.CommandResult;

/** The rendered script, and the real nft's verdict on it at full scale (checked in a scratch namespace). */
class GuardRulesetTest {

    @Test
    void oneSetElementPerPairAndOneIngressChainPer256Interfaces() throws Exception {
        List<GuardedInterface> interfaces = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            interfaces.add(new GuardedInterface(InterfaceName.of("eth1." + (i + 1)), List.of(new GuestBinding(
                    MacAddress.parse(String.format("52:54:00:00:%02x:%02x", i >> 8, i & 0xff)),
                    List.of((Inet4Address) InetAddress.getByName("10.1." + (i >> 8) + "." + (i & 0xff))),
                    List.of((Inet6Address) InetAddress.getByName("2001:db8::" + Integer.toHexString(i + 1)))))));
        }
        String script = GuardRuleset.render(interfaces, interfaces.stream().map(GuardedInterface::link).toList());
        assertTrue(script.contains("\"eth1.1\" . 52:54:00:00:00:00 . 10.1.0.0"), script.substring(0, 800));
        assertTrue(script.contains("\"eth1.300\" . 52:54:00:00:01:2b . 2001:db8::12c"));
        assertTrue(script.contains("chain ingress_0 {") && script.contains("chain ingress_1 {")
                && !script.contains("chain ingress_2 {"), "256 + 44 devices: two base chains");
        assertEquals(3 * 300, count(script, "\" . 52:54:"), "v4, v6 and MAC element per NIC");
    }

    @Test
    void aDeltaAddsAndDeletesOnlyWhatChanged() throws Exception {
        GuestBinding a = new GuestBinding(MacAddress.parse("52:54:00:00:00:0a"),
                List.of((Inet4Address) InetAddress.getByName("10.0.0.10")), List.of());
        GuestBinding b = new GuestBinding(MacAddress.parse("52:54:00:00:00:0b"),
                List.of((Inet4Address) InetAddress.getByName("10.0.0.11")), List.of());
        GuardRuleset.Elements before = GuardRuleset.elements(new GuardedInterface(InterfaceName.of("g0"), List.of(a)));
        GuardRuleset.Elements after = GuardRuleset.elements(new GuardedInterface(InterfaceName.of("g0"), List.of(b)));
        assertEquals("delete element netdev linuxrouter guest4 { \"g0\" . 52:54:00:00:00:0a . 10.0.0.10 }\n"
                + "add element netdev linuxrouter guest4 { \"g0\" . 52:54:00:00:00:0b . 10.0.0.11 }\n"
                + "delete element netdev linuxrouter guestmac { \"g0\" . 52:54:00:00:00:0a }\n"
                + "add element netdev linuxrouter guestmac { \"g0\" . 52:54:00:00:00:0b }\n",
                GuardRuleset.renderDelta(before, after));
        assertEquals("", GuardRuleset.renderDelta(after, after));
    }

    @Test
    void noInterfacesIsATableWithoutHooks() {
        String script = GuardRuleset.render(List.of(), List.of());
        assertTrue(!script.contains("hook ingress") && !script.contains("elements"), script);
    }

    /**
     * 4,094 networks × 25 NICs, as nft -c (check only, nothing loaded) judges it against the real kernel; without
     * hooks, since a scratch namespace has none of those interfaces (the 256-per-chain split is checked above).
     */
    @Test
    void nftAcceptsTheFullScaleRuleset() throws Exception {
        List<GuardedInterface> interfaces = new ArrayList<>();
        int n = 0;
        for (int vlan = 1; vlan <= 4094; vlan++) {
            List<GuestBinding> guests = new ArrayList<>();
            for (int k = 0; k < 25; k++, n++) {
                guests.add(new GuestBinding(MacAddress.parse(String.format("52:54:%02x:%02x:%02x:%02x",
                        (n >> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff)),
                        List.of((Inet4Address) InetAddress.getByAddress(new byte[] {10, (byte) (n >> 16),
                                (byte) (n >> 8), (byte) n})), List.of()));
            }
            interfaces.add(new GuardedInterface(InterfaceName.of("eth1." + vlan), guests));
        }
        Path file = Files.createTempFile("md-guard", ".nft");
        try (Netns ns = Netns.create("mdg" + ProcessHandle.current().pid())) {
            Files.writeString(file, GuardRuleset.render(interfaces, List.of()));
            CommandResult check = ns.exec("nft", "-c", "-f", file.toString());
            assertEquals(0, check.exitCode(), check.stderr());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static int count(String text, String what) {
        int c = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            c++;
        }
        return c;
    }
}
