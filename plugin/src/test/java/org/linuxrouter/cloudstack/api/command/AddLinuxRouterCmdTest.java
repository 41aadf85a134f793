package org.linuxrouter.cloudstack.api.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linuxrouter.cloudstack.api.response.LinuxRouterResponse;
import org.linuxrouter.cloudstack.registry.LinuxRouterVO;
import org.linuxrouter.cloudstack.registry.RouterScope;
import org.linuxrouter.cloudstack.testing.Fields;
import org.linuxrouter.cloudstack.testing.GuestNetworks;
import org.linuxrouter.cloudstack.testing.Registries;

import com.cloud.exception.InvalidParameterValueException;

/** addLinuxRouter: what it stores and answers, and every bad parameter refused with nothing stored. */
class AddLinuxRouterCmdTest {
    private final CommandFixture fixture = new CommandFixture();

    @Test
    void storesTheRouterAndAnswersWithUuidsAndNoSecret() {
        AddLinuxRouterCmd cmd = valid(fixture.add());
        Fields.set(cmd, "url", "https://192.0.2.1:8443/");
        Fields.set(cmd, "fingerprint", Registries.FINGERPRINT.toLowerCase().replace(":", ""));

        LinuxRouterResponse response = cmd.perform();

        LinuxRouterVO stored = fixture.plugin.registries.rows().get(0);
        assertEquals("r1", stored.getName());
        assertEquals(RouterScope.zone(GuestNetworks.ZONE), stored.getScope());
        assertEquals("https://192.0.2.1:8443", stored.getUrl(), "stored in canonical form");
        assertEquals(Registries.FINGERPRINT, stored.getFingerprint(), "stored as openssl prints it");
        assertEquals(Registries.SECRET, stored.getSecret());
        assertEquals("eth1", stored.getTrunkInterface());
        assertEquals(stored.getUuid(), response.getId());
        assertEquals("zone-uuid-1", response.getZoneId());
        assertEquals("zone1", response.getZoneName());
        assertNull(response.getPhysicalNetworkId());
        assertEquals(0, response.getNetworkCount());
        assertEquals(Registries.FINGERPRINT, response.getFingerprint());
    }

    @Test
    void theVxlanUnderlayAndModeAreStoredAndAnswered() {
        AddLinuxRouterCmd cmd = valid(fixture.add());
        Fields.set(cmd, "vxlanUnderlay", "eth2");
        Fields.set(cmd, "vxlanMode", " unicast ");

        LinuxRouterResponse response = cmd.perform();

        LinuxRouterVO stored = fixture.plugin.registries.rows().get(0);
        assertEquals("eth2", stored.getVxlanUnderlay());
        assertEquals("unicast", stored.getVxlanMode());
        assertEquals("eth2", response.getVxlanUnderlay());
        assertEquals("unicast", response.getVxlanMode());
    }

    @Test
    void aPhysicalNetworkRouterTakesItsZoneFromThePhysicalNetwork() {
        AddLinuxRouterCmd cmd = valid(fixture.add());
        Fields.set(cmd, "zoneId", null);
        Fields.set(cmd, "physicalNetworkId", 8L);

        LinuxRouterResponse response = cmd.perform();

        assertEquals(RouterScope.physicalNetwork(9, 8), fixture.plugin.registries.rows().get(0).getScope());
        assertEquals("physnet-uuid-8", response.getPhysicalNetworkId());
        assertEquals("zone-uuid-9", response.getZoneId());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "name              | -                        | name: expected a value, got none",
        "name              | '  '                     | name: expected a value, got none",
        "url               | -                        | url: expected a value, got none",
        "url               | http://192.0.2.1:8443    | url: expected https://host[:port] with no path, query or user info, got 'http://192.0.2.1:8443'",
        "url               | https://192.0.2.1/v1     | url: expected https://host[:port] with no path, query or user info",
        "url               | https://u:p@192.0.2.1    | url: expected https://host[:port] with no path, query or user info",
        "url               | 'https://a b'            | url: expected https://host[:port], got an unparsable url",
        "url               | 192.0.2.1:8443           | url: expected https://host[:port], got an unparsable url '192.0.2.1:8443'",
        "url               | ftp://192.0.2.1          | url: expected https://host[:port] with no path",
        "fingerprint       | -                        | fingerprint: expected a value, got none",
        "fingerprint       | AB:CD:EF                 | fingerprint: expected sha-256 as 32 colon-separated hex pairs or 64 hex digits, got 8 characters",
        "fingerprint       | 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde | fingerprint: expected sha-256 as 32 colon-separated hex pairs or 64 hex digits, got 63 characters",
        "secret            | -                        | secret: expected a value, got none",
        "secret            | c2hvcnQ                  | secret: expected 32..256 bytes, got 5",
        "secret            | 'not base64!'            | secret: expected only base64url characters",
        "trunkInterface    | eth1.100.too-long-name   | trunkinterface: expected 1..15 bytes, got 22",
        "uplinkInterface   | 'eth 0'                  | uplinkinterface: expected only [A-Za-z0-9._-]",
        "vxlanUnderlay     | eth2.too-long-name-x     | vxlanunderlay: expected 1..15 bytes, got 20",
        "vxlanMode         | broadcast                | vxlanmode: expected multicast or unicast, got \"broadcast\"",
        "zoneId            | -                        | zoneid or physicalnetworkid: expected one of them, got neither",
        "zoneId            | 77                       | zoneid: expected an existing zone, got id 77",
        "physicalNetworkId | 66                       | physicalnetworkid: expected an existing physical network, got id 66",
        "physicalNetworkId | 8                        | physicalnetworkid: expected a physical network of zone 1, got one of zone 9",
    })
    void refusesABadParameterNamingItAndStoresNothing(String field, String value, String message) {
        AddLinuxRouterCmd cmd = valid(fixture.add());
        Fields.set(cmd, field, field.endsWith("Id") && value != null ? Long.valueOf(value) : value);

        InvalidParameterValueException e = assertThrows(InvalidParameterValueException.class, cmd::perform);

        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        verify(fixture.plugin.registries.dao(), never()).persist(any());
        assertEquals(List.of(), fixture.plugin.registries.rows());
    }

    @Test
    void aRejectedSecretIsNeverEchoed() {
        AddLinuxRouterCmd cmd = valid(fixture.add());
        Fields.set(cmd, "secret", "tooshort-but-very-secret");
        InvalidParameterValueException e = assertThrows(InvalidParameterValueException.class, cmd::perform);
        assertTrue(!e.getMessage().contains("tooshort-but-very-secret"), e.getMessage());
    }

    @Test
    void nameAndScopeAreUnique() {
        valid(fixture.add()).perform();

        AddLinuxRouterCmd sameName = valid(fixture.add());
        Fields.set(sameName, "physicalNetworkId", GuestNetworks.PHYSICAL_NETWORK);
        assertTrue(assertThrows(InvalidParameterValueException.class, sameName::perform).getMessage()
                .startsWith("name: expected a name no other linux router has, got r1"));

        AddLinuxRouterCmd sameZone = valid(fixture.add());
        Fields.set(sameZone, "name", "r2");
        assertTrue(assertThrows(InvalidParameterValueException.class, sameZone::perform).getMessage()
                .startsWith("zoneid, physicalnetworkid: expected a zone 1 without a router, got one served by r1"));

        assertEquals(1, fixture.plugin.registries.rows().size());
    }

    static AddLinuxRouterCmd valid(AddLinuxRouterCmd cmd) {
        Fields.set(cmd, "name", "r1");
        Fields.set(cmd, "zoneId", GuestNetworks.ZONE);
        Fields.set(cmd, "url", "https://192.0.2.1:8443");
        Fields.set(cmd, "secret", Registries.SECRET);
        Fields.set(cmd, "fingerprint", Registries.FINGERPRINT);
        Fields.set(cmd, "trunkInterface", "eth1");
        Fields.set(cmd, "uplinkInterface", "eth0");
        return cmd;
    }
}
