package org.linuxrouter.rtnetlink.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linuxrouter.rtnetlink.Address;
import org.linuxrouter.rtnetlink.IpPrefix;
import org.linuxrouter.rtnetlink.NetlinkException;
import org.linuxrouter.rtnetlink.Rtnl;
import org.linuxrouter.rtnetlink.testing.FreshNetns;
import org.linuxrouter.rtnetlink.testing.Ip;

/** IPv4 and IPv6 addresses against the real kernel, read back with {@code ip -j addr show}. Needs root. */
@FreshNetns
class AddressKernelTest {
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
    void ipv4AddressIsAddedAndDeleted() {
        Address gw = Address.of(eth1, IpPrefix.parse("192.0.2.1/24"));
        rtnl.addresses().add(gw);
        assertEquals(Set.of("192.0.2.1/24"), shown("-4"));
        rtnl.addresses().delete(gw);
        assertEquals(Set.of(), shown("-4"));
    }

    @Test
    void ipv6AddressIsAddedAndDeleted() {
        Address gw = Address.of(eth1, IpPrefix.parse("2001:db8::1/64"));
        rtnl.addresses().add(gw);
        assertTrue(shown("-6").contains("2001:db8::1/64"), shown("-6").toString());
        rtnl.addresses().delete(gw);
        assertTrue(!shown("-6").contains("2001:db8::1/64"), shown("-6").toString());
    }

    @Test
    void addressTaggedWithAProtocolIsAccepted() {
        // iproute2 6.1 cannot show IFA_PROTO; the kernel accepting it (6.1+) and keeping the address is the check
        rtnl.addresses().add(Address.of(eth1, IpPrefix.parse("198.51.100.1/24")).withProtocol(99));
        assertEquals(Set.of("198.51.100.1/24"), shown("-4"));
    }

    @Test
    void listAgreesWithIpAddrShow() {
        Ip.run("addr", "add", "192.0.2.1/24", "dev", "eth1");
        Ip.run("addr", "add", "2001:db8::1/64", "dev", "eth1", "nodad");
        Set<String> listed = new HashSet<>();
        for (Address a : rtnl.addresses().list(eth1)) {
            listed.add(IpPrefix.numericAddress(a.prefix().address().getHostAddress()).getHostAddress() + "/"
                    + a.prefix().length());
        }
        Set<String> expected = new HashSet<>();
        for (String s : shown("")) {
            String[] parts = s.split("/");
            expected.add(IpPrefix.numericAddress(parts[0]).getHostAddress() + "/" + parts[1]);
        }
        // both sides normalised through InetAddress, since Java and ip spell IPv6 differently
        assertEquals(expected, listed);
        assertTrue(listed.contains("192.0.2.1/24"), listed.toString());
    }

    @Test
    void duplicateIsEexistWithTheKernelsReason() {
        Address gw = Address.of(eth1, IpPrefix.parse("192.0.2.1/24"));
        rtnl.addresses().add(gw);
        NetlinkException dup = assertThrows(NetlinkException.class, () -> rtnl.addresses().add(gw));
        assertTrue(dup.isAlreadyExists());
        assertEquals("RTM_NEWADDR 192.0.2.1/24 dev " + eth1 + " failed: EEXIST (File exists); kernel says: ipv4:"
                + " Address already assigned", dup.getMessage());
    }

    @Test
    void deletingAnAbsentAddressIsNotFound() {
        NetlinkException gone = assertThrows(NetlinkException.class,
                () -> rtnl.addresses().delete(Address.of(eth1, IpPrefix.parse("192.0.2.99/24"))));
        assertTrue(gone.isNotFound(), gone.getMessage());
        assertEquals("EADDRNOTAVAIL", gone.errnoName());
    }

    @Test
    void addingToAMissingLinkIsEnodev() {
        NetlinkException e = assertThrows(NetlinkException.class,
                () -> rtnl.addresses().add(Address.of(999, IpPrefix.parse("192.0.2.1/24"))));
        assertEquals("ENODEV", e.errnoName());
    }

    /** Addresses on eth1 as ip prints them, "local/prefixlen". */
    private static Set<String> shown(String family) {
        JsonNode links = family.isEmpty() ? Ip.json("addr", "show", "dev", "eth1")
                : Ip.json(family, "addr", "show", "dev", "eth1");
        Set<String> out = new HashSet<>();
        if (links.size() == 0) {
            return out; // ip leaves the link out when it has no address of that family
        }
        for (JsonNode info : links.get(0).get("addr_info")) {
            out.add(info.get("local").asText() + "/" + info.get("prefixlen").asInt());
        }
        return out;
    }
}
