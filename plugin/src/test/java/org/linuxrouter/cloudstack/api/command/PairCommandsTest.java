package org.linuxrouter.cloudstack.api.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.linuxrouter.cloudstack.api.response.LinuxRouterResponse;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.NetworkPlacements;
import org.linuxrouter.cloudstack.registry.RouterDraft;
import org.linuxrouter.cloudstack.testing.Fields;
import org.linuxrouter.cloudstack.testing.GuestNetworks;
import org.linuxrouter.cloudstack.testing.PluginFixture;
import org.linuxrouter.cloudstack.testing.Registries;

import com.cloud.exception.InvalidParameterValueException;

/**
 * The router pair through the API commands: addLinuxRouter with pairwith, the checks that keep a pair two routers
 * of one scope flooding VXLAN alike (a refused request stores nothing), updateLinuxRouter keeping them alike,
 * deleteLinuxRouter handing a leaving member's networks to the other, and listLinuxRouters showing the pair.
 */
class PairCommandsTest {
    private final CommandFixture fixture = new CommandFixture();
    private final LinuxRouterVO r1 = fixture.plugin.registry.add(RouterDraft.newBuilder().name("r1")
            .zoneId(GuestNetworks.ZONE).url(PluginFixture.ROUTER_URL).secret(Registries.SECRET)
            .fingerprint(Registries.FINGERPRINT).vxlanMode("multicast").build());

    @Test
    void theSecondRouterTakesItsPartnersScopeAndBothListTheOther() {
        LinuxRouterResponse added = second("r2").perform();

        LinuxRouterVO r2 = fixture.plugin.registries.rows().get(1);
        assertEquals(r1.getScope(), r2.getScope());
        assertEquals(2, r2.getPairMember());
        assertEquals(r1.getUuid(), added.getPairWith());
        assertEquals("r1", added.getPairWithName());
        assertNull(r2.getLaggingSince(), "the pair carries no network yet");
        Map<String, LinuxRouterResponse> listed = fixture.list().perform(null, null, null).items.stream()
                .collect(Collectors.toMap(LinuxRouterResponse::getName, r -> r));
        assertEquals(r2.getUuid(), listed.get("r1").getPairWith());
        assertEquals("r2", listed.get("r1").getPairWithName());
        assertFalse(listed.get("r2").getLagging());
        assertNotNull(listed.get("r2").getLastContact(), "it answered the listing's status request");
        assertNull(listed.get("r2").getVrrpRole(), "the recording router runs without VRRP");
    }

    @Test
    void aSecondRouterJoiningAPairWithNetworksStartsLaggingSoTheResyncFillsIt() {
        fixture.plugin.details.put(5, NetworkPlacements.ROUTER_KEY, r1.getUuid());

        LinuxRouterResponse added = second("r2").perform();

        assertTrue(added.getLagging());
        assertEquals(1, added.getNetworkCount(), "the pair's networks are its networks");
    }

    @Test
    void syncLinuxRouterBringsALaggingMemberInStepAndRecordsItsContact() throws Exception {
        fixture.plugin.details.put(5, NetworkPlacements.ROUTER_KEY, r1.getUuid());
        second("r2").perform();
        LinuxRouterVO r2 = fixture.plugin.registries.rows().get(1);
        assertNotNull(r2.getLaggingSince());

        Fields.set(fixture.sync(), "id", r2.getId()).perform();

        assertNull(r2.getLaggingSince(), "in step: nothing failed");
        assertNotNull(r2.getLastContact());
        assertEquals(0, r2.getDrift());
    }

    @Test
    void aThirdRouterAnUnknownPartnerAnotherScopeOrAnotherVxlanModeAreRefusedAndNothingIsStored() {
        second("r2").perform();
        AddLinuxRouterCmd third = second("r3");
        assertEquals("pairwith: expected a router without a pair member (a pair has two routers), got r1, already"
                + " paired with r2", assertThrows(InvalidParameterValueException.class, third::perform).getMessage());

        AddLinuxRouterCmd unknown = Fields.set(second("r4"), "pairWith", 77L);
        assertEquals("pairwith: expected the id of a registered linux router, got 77",
                assertThrows(InvalidParameterValueException.class, unknown::perform).getMessage());

        fixture.plugin.registry.delete(fixture.plugin.registries.rows().get(1).getId());
        AddLinuxRouterCmd otherScope = Fields.set(second("r5"), "physicalNetworkId", 8L);
        assertTrue(assertThrows(InvalidParameterValueException.class, otherScope::perform).getMessage()
                .startsWith("pairwith: expected a router of the physical network 8 of zone 9 given, got r1, which"
                        + " serves the zone 1"));

        AddLinuxRouterCmd otherMode = Fields.set(second("r6"), "vxlanMode", "unicast");
        assertEquals("vxlanmode: expected multicast, as its pair member r1 has, got unicast",
                assertThrows(InvalidParameterValueException.class, otherMode::perform).getMessage());

        assertEquals(List.of("r1"), fixture.plugin.registries.rows().stream().map(LinuxRouterVO::getName)
                .collect(Collectors.toList()));
    }

    @Test
    void withoutPairwithAServedScopeIsRefusedNamingTheWayToPair() {
        AddLinuxRouterCmd sameZone = AddLinuxRouterCmdTest.valid(fixture.add());
        Fields.set(sameZone, "name", "r2");
        assertTrue(assertThrows(InvalidParameterValueException.class, sameZone::perform).getMessage()
                .endsWith("(to add a second router as its pair, pass pairwith=<the id of r1>)"));
    }

    @Test
    void anUpdateMayNotMakeThePairFloodVxlanDifferently() {
        second("r2").perform();
        UpdateLinuxRouterCmd update = Fields.set(fixture.update(), "id", r1.getId());
        Fields.set(update, "vxlanMode", "unicast");

        assertEquals("vxlanmode: expected multicast, as its pair member r2 has, got unicast",
                assertThrows(InvalidParameterValueException.class, update::perform).getMessage());
        assertEquals("multicast", r1.getVxlanMode());
    }

    @Test
    void aLeavingMemberHandsItsNetworksToTheOtherWhichThenCannotLeaveWhileTheyExist() {
        second("r2").perform();
        LinuxRouterVO r2 = fixture.plugin.registries.rows().get(1);
        fixture.plugin.details.put(5, NetworkPlacements.ROUTER_KEY, r1.getUuid());

        Fields.set(fixture.delete(), "id", r1.getId()).perform();

        assertEquals(r2.getUuid(), fixture.plugin.details.of(5).get(NetworkPlacements.ROUTER_KEY));
        assertEquals(List.of(r2), fixture.plugin.registries.rows());
        DeleteLinuxRouterCmd last = Fields.set(fixture.delete(), "id", r2.getId());
        assertTrue(assertThrows(InvalidParameterValueException.class, last::perform).getMessage()
                .startsWith("linux router r2: expected no networks placed on it before deletion, got 1"));
        verify(fixture.plugin.registries.dao(), never()).remove(r2.getId());
    }

    private AddLinuxRouterCmd second(String name) {
        AddLinuxRouterCmd cmd = AddLinuxRouterCmdTest.valid(fixture.add());
        Fields.set(cmd, "name", name);
        Fields.set(cmd, "zoneId", null);
        Fields.set(cmd, "url", "https://router.test:8444");
        Fields.set(cmd, "vxlanMode", "multicast");
        return Fields.set(cmd, "pairWith", r1.getId());
    }
}
