package org.linuxrouter.rtnetlink.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.linuxrouter.rtnetlink.BatchResult;
import org.linuxrouter.rtnetlink.Link;
import org.linuxrouter.rtnetlink.LinkKind;
import org.linuxrouter.rtnetlink.NetlinkException;
import org.linuxrouter.rtnetlink.Rtnl;
import org.linuxrouter.rtnetlink.VlanProtocol;
import org.linuxrouter.rtnetlink.testing.FreshNetns;
import org.linuxrouter.rtnetlink.testing.Ip;

/**
 * VLAN and dummy links. The CI host kernel has neither 802.1Q nor the dummy driver, so this class is tagged
 * {@code vlan}, left out of this module's default run, and run by the user-mode-linux lab (a 6.1 kernel with
 * 8021q and dummy as modules: load them before the run). Needs root. The trunk is a veth end, so only the VLAN
 * and dummy drivers are asked of the kernel.
 */
@Tag("vlan")
@FreshNetns
class VlanLinkTest {
    private Rtnl rtnl;
    private int trunk;

    @BeforeEach
    void open() {
        trunk = KernelFixture.upVeth("trunk0");
        rtnl = Rtnl.open();
    }

    @AfterEach
    void close() {
        rtnl.close();
    }

    @Test
    void vlanIsCreatedListedAndDeleted() {
        Link vlan = rtnl.links().addVlan("trunk0.100", trunk, 100);
        JsonNode shown = Ip.json("-d", "link", "show", "dev", "trunk0.100").get(0);
        assertEquals(shown.get("ifindex").asInt(), vlan.index());
        assertEquals("trunk0", shown.get("link").asText());
        assertEquals("vlan", shown.get("linkinfo").get("info_kind").asText());
        assertEquals(100, shown.get("linkinfo").get("info_data").get("id").asInt());
        assertEquals("802.1Q", shown.get("linkinfo").get("info_data").get("protocol").asText());

        LinkKind expected = new LinkKind.Vlan(trunk, 100, VlanProtocol.IEEE_802_1Q);
        assertEquals(expected, vlan.kind());
        assertTrue(rtnl.links().list().stream().anyMatch(l -> l.name().equals("trunk0.100")
                && l.kind().equals(expected)));

        rtnl.links().delete("trunk0.100");
        assertEquals(List.of("lo", "trunk0p", "trunk0"), LinkKernelTest.names(Ip.json("link", "show")));
    }

    @Test
    void serviceTagVlanKeepsItsProtocol() {
        Link vlan = rtnl.links().addVlan("trunk0.200",
                new LinkKind.Vlan(trunk, 200, VlanProtocol.IEEE_802_1AD));
        assertEquals("802.1ad", Ip.json("-d", "link", "show", "dev", "trunk0.200").get(0).get("linkinfo")
                .get("info_data").get("protocol").asText());
        assertEquals(VlanProtocol.IEEE_802_1AD, ((LinkKind.Vlan) vlan.kind()).protocol());
    }

    @Test
    void sameVlanIdTwiceOnOneParentIsRefused() {
        rtnl.links().addVlan("trunk0.100", trunk, 100);
        NetlinkException dup = assertThrows(NetlinkException.class,
                () -> rtnl.links().addVlan("other.100", trunk, 100));
        assertTrue(dup.isAlreadyExists(), dup.getMessage());
    }

    @Test
    void hundredVlansInOneBatchAllLand() {
        var batch = rtnl.batch();
        for (int vid = 1; vid <= 100; vid++) {
            batch.addVlan("trunk0." + vid, new LinkKind.Vlan(trunk, vid, VlanProtocol.IEEE_802_1Q));
        }
        BatchResult result = batch.execute();
        assertEquals(List.of(), result.failures());
        assertEquals(103, Ip.json("link", "show").size());
    }

    @Test
    void dummyIsCreatedAndDeleted() {
        Link dummy = rtnl.links().addDummy("dummy0");
        assertEquals(new LinkKind.Dummy(), dummy.kind());
        assertEquals("dummy", Ip.json("-d", "link", "show", "dev", "dummy0").get(0).get("linkinfo")
                .get("info_kind").asText());
        rtnl.links().delete("dummy0");
        assertEquals(0, Ip.json("link", "show", "type", "dummy").size());
    }
}
