package org.linuxrouter.lab.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.protocol.model.ValidationException;

/** The bench stand-in's inputs: the bench's own files and sysfs, validated before anything is announced. */
class TakeoverStandInTest {

    @Test
    void gatewaysAreGroupedByLinkInFileOrder() throws Exception {
        Map<String, List<InetAddress>> m = TakeoverStandIn.parseGateways(List.of(
                "10.0.1.1/24 dev g1", "2001:db8:1::1/64 dev g1", "", "10.0.2.1/24 dev g2"));
        assertEquals(List.of("g1", "g2"), List.copyOf(m.keySet()));
        assertEquals(List.of(InetAddress.getByName("10.0.1.1"), InetAddress.getByName("2001:db8:1::1")), m.get("g1"));
        assertEquals(List.of(InetAddress.getByName("10.0.2.1")), m.get("g2"));
    }

    @Test
    void aMalformedGatewayLineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TakeoverStandIn.parseGateways(List.of("10.0.1.1/24 g1")));
        assertThrows(ValidationException.class, () -> TakeoverStandIn.parseGateways(List.of("10.0.1.0/24 dev g1")),
                "the network address is no gateway");
        assertThrows(ValidationException.class, () -> TakeoverStandIn.parseGateways(List.of("10.0.1.1/24 dev a/b")));
    }

    @Test
    void publicAddressesMustBeRoutableUnicastLiterals() throws Exception {
        assertEquals(List.of(InetAddress.getByName("198.18.0.1"), InetAddress.getByName("2001:db8:ffff::1")),
                TakeoverStandIn.parsePublic(List.of("198.18.0.1", " ", "2001:db8:ffff::1")));
        assertThrows(IllegalArgumentException.class, () -> TakeoverStandIn.parsePublic(List.of("224.0.0.1")));
        assertThrows(ValidationException.class, () -> TakeoverStandIn.parsePublic(List.of("example.org")),
                "a name is never looked up");
    }

    @Test
    void aLinkIsResolvedFromSysfs(@TempDir Path sys) throws Exception {
        Files.createDirectories(sys.resolve("g7"));
        Files.writeString(sys.resolve("g7/ifindex"), "42\n");
        Files.writeString(sys.resolve("g7/address"), "02:00:4c:4f:4f:50\n");
        TakeoverStandIn.Link l = TakeoverStandIn.resolve(sys, "g7", List.of(InetAddress.getByName("10.0.7.1")));
        assertEquals(42, l.index());
        assertArrayEquals(new byte[] {2, 0, 0x4c, 0x4f, 0x4f, 0x50}, l.mac());
        assertThrows(java.io.IOException.class, () -> TakeoverStandIn.resolve(sys, "g8", List.of()));
    }
}
