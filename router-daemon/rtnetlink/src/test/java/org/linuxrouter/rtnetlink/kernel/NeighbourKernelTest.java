package org.linuxrouter.rtnetlink.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linuxrouter.rtnetlink.Neighbour;
import org.linuxrouter.rtnetlink.NetlinkException;
import org.linuxrouter.rtnetlink.Rtnl;
import org.linuxrouter.rtnetlink.testing.FreshNetns;
import org.linuxrouter.rtnetlink.testing.Ip;

/** Proxy ARP / proxy NDP entries, read back with {@code ip -j neigh show proxy}. Needs root. */
@FreshNetns
class NeighbourKernelTest {
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
    void ipv4AndIpv6ProxyEntriesAreAddedListedAndDeleted() throws Exception {
        InetAddress v4 = InetAddress.getByName("198.51.100.7");
        InetAddress v6 = InetAddress.getByName("2001:db8::7");
        rtnl.neighbours().addProxy(eth1, v4);
        rtnl.neighbours().addProxy(eth1, v6);
        assertEquals(Set.of("198.51.100.7@eth1", "2001:db8::7@eth1"), shownProxies());

        Set<Neighbour> listed = new HashSet<>(rtnl.neighbours().listProxies());
        assertEquals(2, listed.size());
        assertTrue(listed.stream().allMatch(n -> n.isProxy() && n.linkIndex() == eth1), listed.toString());
        assertTrue(listed.stream().anyMatch(n -> n.destination().equals(v6)), listed.toString());
        assertTrue(rtnl.neighbours().list().containsAll(listed));

        rtnl.neighbours().deleteProxy(eth1, v4);
        assertEquals(Set.of("2001:db8::7@eth1"), shownProxies());
        rtnl.neighbours().deleteProxy(eth1, v6);
        assertEquals(Set.of(), shownProxies());
    }

    @Test
    void duplicateAddIsAcceptedAndAbsentDeleteIsNotFound() throws Exception {
        InetAddress v4 = InetAddress.getByName("198.51.100.7");
        rtnl.neighbours().addProxy(eth1, v4);
        // the kernel's proxy table ignores NLM_F_EXCL: adding an existing entry succeeds and changes nothing
        rtnl.neighbours().addProxy(eth1, v4);
        assertEquals(Set.of("198.51.100.7@eth1"), shownProxies());
        NetlinkException gone = assertThrows(NetlinkException.class,
                () -> rtnl.neighbours().deleteProxy(eth1, InetAddress.getByName("198.51.100.99")));
        assertTrue(gone.isNotFound(), gone.getMessage());
        assertEquals("ENOENT", gone.errnoName());
    }

    @Test
    void ordinaryNeighboursAreListedWithTheirMac() throws Exception {
        Ip.run("neigh", "add", "192.0.2.2", "lladdr", "02:00:00:00:00:02", "dev", "eth1", "nud", "permanent");
        Neighbour n = rtnl.neighbours().list().stream().filter(x -> !x.isProxy()).findFirst().orElseThrow();
        assertEquals(InetAddress.getByName("192.0.2.2"), n.destination());
        assertEquals("02:00:00:00:00:02", n.linkLayerAddress().orElseThrow().toString());
        assertEquals(0x80, n.state());
    }

    /** "address@dev" for every proxy entry, both families, as ip prints them. */
    private static Set<String> shownProxies() {
        Set<String> out = new HashSet<>();
        for (JsonNode n : Ip.json("neigh", "show", "proxy")) {
            out.add(n.get("dst").asText() + "@" + n.get("dev").asText());
        }
        for (JsonNode n : Ip.json("-6", "neigh", "show", "proxy")) {
            out.add(n.get("dst").asText() + "@" + n.get("dev").asText());
        }
        return out;
    }
}
