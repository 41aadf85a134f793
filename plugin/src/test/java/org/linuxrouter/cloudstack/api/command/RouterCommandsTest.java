package org.linuxrouter.cloudstack.api.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linuxrouter.cloudstack.api.response.LinuxRouterResponse;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.NetworkPlacements;
import org.linuxrouter.cloudstack.registry.RouterScope;
import org.linuxrouter.cloudstack.testing.Fields;
import org.linuxrouter.cloudstack.testing.GuestNetworks;
import org.linuxrouter.cloudstack.testing.PluginFixture;
import org.linuxrouter.cloudstack.testing.Registries;

import com.cloud.exception.InvalidParameterValueException;

/** updateLinuxRouter, deleteLinuxRouter and listLinuxRouters. */
class RouterCommandsTest {
    private final CommandFixture fixture = new CommandFixture();
    private final LinuxRouterVO r1 = fixture.plugin.registries.router("r1", RouterScope.zone(GuestNetworks.ZONE),
            PluginFixture.ROUTER_URL, "eth1");

    @Test
    void updateChangesOnlyTheGivenFields() {
        UpdateLinuxRouterCmd cmd = Fields.set(fixture.update(), "id", r1.getId());
        Fields.set(cmd, "url", "https://198.51.100.7:9443");
        Fields.set(cmd, "uplinkInterface", "bond0");

        LinuxRouterResponse response = cmd.perform();

        assertEquals("https://198.51.100.7:9443", response.getUrl());
        assertEquals("bond0", response.getUplinkInterface());
        assertEquals("eth1", response.getTrunkInterface());
        assertEquals("r1", response.getName());
        assertEquals(Registries.SECRET, r1.getSecret());
        assertEquals(null, response.getVxlanMode());
        verify(fixture.plugin.registries.dao()).update(r1.getId(), r1);

        UpdateLinuxRouterCmd vxlan = Fields.set(fixture.update(), "id", r1.getId());
        Fields.set(vxlan, "vxlanUnderlay", "eth2");
        Fields.set(vxlan, "vxlanMode", "multicast");
        assertEquals("multicast", vxlan.perform().getVxlanMode());
        assertEquals("eth2", r1.getVxlanUnderlay());
        assertEquals("bond0", r1.getUplinkInterface(), "fields not given stay");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "id          | -     | id: expected the UUID of a linux router, got none",
        "id          | 99    | id: expected the id of a registered linux router, got 99",
        "url         | http://198.51.100.7 | url: expected https://host[:port]",
        "fingerprint | 00:11 | fingerprint: expected sha-256",
        "secret      | abc   | secret: expected 32..256 bytes",
        "name        | '  '  | name: expected a value, got none",
        "vxlanMode   | mcast | vxlanmode: expected multicast or unicast",
    })
    void updateRefusesBadParametersAndChangesNothing(String field, String value, String message) {
        UpdateLinuxRouterCmd cmd = Fields.set(fixture.update(), "id", r1.getId());
        Fields.set(cmd, "name", "renamed");
        Fields.set(cmd, field, field.equals("id") && value != null ? Long.valueOf(value) : value);

        InvalidParameterValueException e = assertThrows(InvalidParameterValueException.class, cmd::perform);

        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        verify(fixture.plugin.registries.dao(), never()).update(anyLong(), any());
        assertEquals("r1", r1.getName(), "a rejected update leaves the row as it was");
        assertEquals(PluginFixture.ROUTER_URL, r1.getUrl());
    }

    @Test
    void deleteIsRefusedWhileANetworkIsPlacedOnTheRouter() {
        fixture.plugin.details.put(5, NetworkPlacements.ROUTER_KEY, r1.getUuid());
        DeleteLinuxRouterCmd cmd = Fields.set(fixture.delete(), "id", r1.getId());

        InvalidParameterValueException e = assertThrows(InvalidParameterValueException.class, cmd::perform);

        assertEquals("linux router r1: expected no networks placed on it before deletion, got 1 (network ids [5]);"
                + " delete those networks first", e.getMessage());
        verify(fixture.plugin.registries.dao(), never()).remove(anyLong());
    }

    @Test
    void deleteAndSyncWithoutAnIdAreParameterErrors() {
        assertEquals("id: expected the UUID of a linux router, got none",
                assertThrows(InvalidParameterValueException.class, fixture.delete()::perform).getMessage());
        assertEquals("id: expected the UUID of a linux router, got none",
                assertThrows(InvalidParameterValueException.class, fixture.sync()::perform).getMessage());
        assertEquals(1, fixture.plugin.registries.rows().size());
        assertEquals(List.of(), fixture.plugin.router.calls());
    }

    @Test
    void deleteRemovesAnUnusedRouter() {
        DeleteLinuxRouterCmd cmd = Fields.set(fixture.delete(), "id", r1.getId());
        assertEquals(r1.getUuid(), cmd.perform().getUuid());
        assertEquals(List.of(), fixture.plugin.registries.rows());
        assertTrue(assertThrows(InvalidParameterValueException.class, cmd::perform).getMessage()
                .startsWith("id: expected the id of a registered linux router"));
    }

    @Test
    void listFiltersAndPages() {
        fixture.plugin.registries.router("r2", RouterScope.physicalNetwork(9, 8), PluginFixture.ROUTER_URL, null);
        fixture.plugin.registries.router("edge-r3", RouterScope.zone(9), PluginFixture.ROUTER_URL, null);

        assertEquals(List.of("r1", "r2", "edge-r3"), names(fixture.list().perform(null, null, null)));
        assertEquals(List.of("r2", "edge-r3"), names(Fields.set(fixture.list(), "zoneId", 9L).perform(null, 0L, 20L)));
        assertEquals(List.of("r2"), names(Fields.set(fixture.list(), "physicalNetworkId", 8L).perform(null, null, null)));
        assertEquals(List.of("edge-r3"), names(fixture.list().perform("EDGE", null, null)));
        assertEquals(List.of("r1"), names(Fields.set(fixture.list(), "id", r1.getId()).perform(null, null, null)));
        ListLinuxRoutersCmd.Page second = fixture.list().perform(null, 1L, 1L);
        assertEquals(List.of("r2"), names(second));
        assertEquals(3, second.total, "the count is of all matches, not of the page");
    }

    private static List<String> names(ListLinuxRoutersCmd.Page page) {
        return page.items.stream().map(LinuxRouterResponse::getName).collect(Collectors.toList());
    }
}
