package org.linuxrouter.rtnetlink.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linuxrouter.rtnetlink.Address;
import org.linuxrouter.rtnetlink.Batch;
import org.linuxrouter.rtnetlink.BatchResult;
import org.linuxrouter.rtnetlink.IpPrefix;
import org.linuxrouter.rtnetlink.NetlinkException;
import org.linuxrouter.rtnetlink.Route;
import org.linuxrouter.rtnetlink.Rtnl;
import org.linuxrouter.rtnetlink.testing.FreshNetns;
import org.linuxrouter.rtnetlink.testing.Ip;

/** Batches against the real kernel: many requests per sendto, every ACK matched. Needs root. */
@FreshNetns
class BatchKernelTest {
    private Rtnl rtnl;
    private int eth1;

    @BeforeEach
    void open() {
        eth1 = KernelFixture.upVeth("eth1");
        rtnl = Rtnl.open();
    }

    @AfterEach
    void close() {
        rtnl.close();
    }

    @Test
    void thousandAddressAddsAllLand() {
        Batch batch = rtnl.batch();
        for (int i = 0; i < 1000; i++) {
            batch.addAddress(Address.of(eth1, IpPrefix.parse("10." + (i / 250) + "." + (i % 250) + ".1/32")));
        }
        BatchResult result = batch.execute();
        assertEquals(1000, result.outcomes().size());
        assertEquals(List.of(), result.failures());
        assertEquals(0, batch.size());
        assertEquals(1000, Ip.json("-4", "addr", "show", "dev", "eth1").get(0).get("addr_info").size());
    }

    @Test
    void everyFailureIsReportedWithItsOperationAndTheRestStillApply() throws Exception {
        Ip.run("addr", "add", "192.0.2.2/24", "dev", "eth1");
        BatchResult result = rtnl.batch()
                .addAddress(Address.of(eth1, IpPrefix.parse("192.0.2.1/24")))
                .addAddress(Address.of(eth1, IpPrefix.parse("192.0.2.2/24")))          // exists: EEXIST
                .deleteAddress(Address.of(eth1, IpPrefix.parse("192.0.2.99/24")))      // absent: EADDRNOTAVAIL
                .addRoute(Route.hostRoute(InetAddress.getByName("198.51.100.7"), eth1, 250))
                .setLinkMtu("nosuch", 1400)                                            // ENODEV
                .setLinkAlias("eth1", "linuxrouter:batch")
                .execute();
        assertEquals(6, result.outcomes().size());
        List<NetlinkException> failures = result.failures();
        assertEquals(3, failures.size());
        assertEquals("RTM_NEWADDR 192.0.2.2/24 dev " + eth1 + " failed: EEXIST (File exists); kernel says: ipv4:"
                + " Address already assigned", failures.get(0).getMessage());
        assertTrue(failures.get(1).isNotFound());
        assertEquals("RTM_NEWLINK nosuch mtu 1400", failures.get(2).operation());
        assertEquals("ENODEV", failures.get(2).errnoName());
        assertTrue(result.outcomes().get(0).succeeded());
        assertEquals(1, Ip.json("route", "show", "198.51.100.7/32").size());
        assertEquals("linuxrouter:batch", Ip.json("link", "show", "dev", "eth1").get(0).get("ifalias").asText());

        NetlinkException first = assertThrows(NetlinkException.class, result::throwIfAnyFailed);
        assertEquals(2, first.getSuppressed().length);
    }
}
