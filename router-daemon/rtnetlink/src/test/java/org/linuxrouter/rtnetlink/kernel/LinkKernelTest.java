package org.linuxrouter.rtnetlink.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linuxrouter.rtnetlink.Link;
import org.linuxrouter.rtnetlink.LinkKind;
import org.linuxrouter.rtnetlink.NetlinkException;
import org.linuxrouter.rtnetlink.Rtnl;
import org.linuxrouter.rtnetlink.testing.FreshNetns;
import org.linuxrouter.rtnetlink.testing.Ip;

/** Links against the real kernel in a fresh netns, read back with {@code ip -j -d link show}. Needs root. */
@FreshNetns
class LinkKernelTest {
    private Rtnl rtnl;

    @BeforeEach
    void open() {
        rtnl = Rtnl.open();
    }

    @AfterEach
    void close() {
        rtnl.close();
    }

    @Test
    void vethPairIsCreatedAndDeleted() {
        Link v0 = rtnl.links().addVeth("v0", "v1");
        JsonNode shown = Ip.json("-d", "link", "show", "dev", "v0").get(0);
        assertEquals(shown.get("ifindex").asInt(), v0.index());
        assertEquals("veth", shown.get("linkinfo").get("info_kind").asText());
        assertEquals(new LinkKind.Veth(), v0.kind());
        assertEquals(1, Ip.json("link", "show", "dev", "v1").size());

        rtnl.links().delete("v0");
        assertEquals(List.of("lo"), names(Ip.json("link", "show")));
    }

    @Test
    void bridgeIsCreatedWithItsKind() {
        Link br = rtnl.links().addBridge("br0");
        assertEquals(new LinkKind.Bridge(), br.kind());
        assertEquals("bridge", Ip.json("-d", "link", "show", "dev", "br0").get(0).get("linkinfo").get("info_kind")
                .asText());
    }

    @Test
    void upDownMtuAndAliasChangeTheLink() {
        rtnl.links().addVeth("v0", "v1");
        rtnl.links().setUp("v0");
        assertTrue(flags("v0").contains("UP"));
        assertTrue(rtnl.links().byName("v0").orElseThrow().isUp());
        rtnl.links().setDown("v0");
        assertFalse(flags("v0").contains("UP"));

        rtnl.links().setMtu("v0", 1400);
        assertEquals(1400, Ip.json("link", "show", "dev", "v0").get(0).get("mtu").asInt());

        rtnl.links().setAlias("v0", "linuxrouter:net-42");
        assertEquals("linuxrouter:net-42", Ip.json("link", "show", "dev", "v0").get(0).get("ifalias").asText());
        assertEquals("linuxrouter:net-42", rtnl.links().byName("v0").orElseThrow().alias().orElseThrow());
        rtnl.links().setAlias("v0", "");
        assertFalse(Ip.json("link", "show", "dev", "v0").get(0).has("ifalias"));
    }

    @Test
    void listAgreesWithIpLinkShow() {
        Ip.run("link", "add", "x0", "type", "veth", "peer", "name", "x1");
        Ip.run("link", "set", "x0", "master", createdBridge());
        List<String> expected = names(Ip.json("link", "show"));
        List<String> listed = new ArrayList<>();
        for (Link l : rtnl.links().list()) {
            listed.add(l.name());
            assertEquals(Ip.index(l.name()), l.index());
        }
        assertEquals(expected, listed);
        Link x0 = rtnl.links().byName("x0").orElseThrow();
        assertEquals(Ip.index("br9"), x0.master().getAsInt());
        assertEquals("x0", rtnl.links().byIndex(x0.index()).orElseThrow().name());
    }

    @Test
    void absentLinksAreEmptyOrNotFound() {
        assertTrue(rtnl.links().byName("nosuch").isEmpty());
        assertTrue(rtnl.links().byIndex(999).isEmpty());
        NetlinkException delete = assertThrows(NetlinkException.class, () -> rtnl.links().delete("nosuch"));
        assertTrue(delete.isNotFound());
        assertEquals("ENODEV", delete.errnoName());
        NetlinkException up = assertThrows(NetlinkException.class, () -> rtnl.links().setUp("nosuch"));
        assertEquals("RTM_NEWLINK nosuch up failed: ENODEV (No such device)", up.getMessage());
    }

    @Test
    void duplicateNameIsEexistAndBadMtuCarriesTheKernelsReason() {
        rtnl.links().addVeth("v0", "v1");
        NetlinkException dup = assertThrows(NetlinkException.class, () -> rtnl.links().addBridge("v0"));
        assertTrue(dup.isAlreadyExists());
        assertTrue(dup.getMessage().startsWith("RTM_NEWLINK v0 failed: EEXIST (File exists)"), dup.getMessage());

        NetlinkException mtu = assertThrows(NetlinkException.class, () -> rtnl.links().setMtu("v0", 10));
        assertEquals("EINVAL", mtu.errnoName());
        assertEquals("mtu less than device minimum", mtu.extack().orElseThrow());
    }

    private String createdBridge() {
        rtnl.links().addBridge("br9");
        return "br9";
    }

    private static List<String> flags(String name) {
        List<String> out = new ArrayList<>();
        Ip.json("link", "show", "dev", name).get(0).get("flags").forEach(f -> out.add(f.asText()));
        return out;
    }

    static List<String> names(JsonNode links) {
        List<String> out = new ArrayList<>();
        links.forEach(l -> out.add(l.get("ifname").asText()));
        return out;
    }
}
