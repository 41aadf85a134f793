package org.linuxrouter.rtnetlink.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linuxrouter.rtnetlink.BatchResult;
import org.linuxrouter.rtnetlink.FdbEntry;
import org.linuxrouter.rtnetlink.Link;
import org.linuxrouter.rtnetlink.LinkKind;
import org.linuxrouter.rtnetlink.NetlinkException;
import org.linuxrouter.rtnetlink.Rtnl;
import org.linuxrouter.rtnetlink.testing.FreshNetns;
import org.linuxrouter.rtnetlink.testing.Ip;
import org.linuxrouter.testkit.process.Command;

/**
 * VXLAN devices and their flood entries against the host kernel (which has vxlan), read back with
 * {@code ip -d -j link} and {@code bridge -j fdb}. Needs root.
 */
@FreshNetns
class VxlanKernelTest {
    private Rtnl rtnl;
    private int underlay;

    @BeforeEach
    void open() {
        underlay = KernelFixture.upVeth("under0");
        Ip.run("addr", "add", "192.0.2.1/24", "dev", "under0");
        rtnl = Rtnl.open();
    }

    @AfterEach
    void close() {
        rtnl.close();
    }

    @Test
    void multicastVxlanAsModifyvxlanShIsCreatedListedAndDeleted() throws Exception {
        LinkKind.Vxlan kind = LinkKind.Vxlan.multicast(70000, InetAddress.getByName("239.1.17.112"), underlay, 10);
        Link created = rtnl.links().addVxlan("vxlan70000", kind);
        rtnl.links().setUp("vxlan70000");

        JsonNode data = Ip.json("-d", "link", "show", "dev", "vxlan70000").get(0).get("linkinfo").get("info_data");
        assertEquals(70000, data.get("id").asInt());
        assertEquals("239.1.17.112", data.get("group").asText());
        assertEquals("under0", data.get("link").asText());
        assertEquals(10, data.get("ttl").asInt());
        assertEquals(8472, data.get("port").asInt());
        assertTrue(data.get("learning").asBoolean());

        // the kernel fills in the port it chose; everything else reads back as created
        LinkKind.Vxlan read = (LinkKind.Vxlan) created.kind();
        assertEquals(new LinkKind.Vxlan(70000, kind.destination(), Optional.empty(), underlay, 10, 8472, true), read);
        assertEquals(kind.effectivePort(), read.effectivePort());
        assertTrue(rtnl.links().list().stream().anyMatch(l -> l.kind().equals(read)));

        rtnl.links().delete("vxlan70000");
        assertEquals(0, Ip.json("link", "show", "type", "vxlan").size());
    }

    @Test
    void unicastVxlanWithLocalPortAndNoLearning() throws Exception {
        LinkKind.Vxlan kind = new LinkKind.Vxlan(5001, Optional.empty(),
                Optional.of(InetAddress.getByName("192.0.2.1")), underlay, 0, 4789, false);
        Link created = rtnl.links().addVxlan("vxlan5001", kind);
        JsonNode data = Ip.json("-d", "link", "show", "dev", "vxlan5001").get(0).get("linkinfo").get("info_data");
        assertEquals("192.0.2.1", data.get("local").asText());
        assertEquals(4789, data.get("port").asInt()); // the byte order is right or this is 46354
        assertFalse(data.get("learning").asBoolean());
        assertFalse(data.has("group"), data.toString());
        assertEquals(kind, created.kind());
    }

    @Test
    void sameVniTwiceOnOnePortIsRefused() throws Exception {
        LinkKind.Vxlan kind = LinkKind.Vxlan.multicast(100, InetAddress.getByName("239.0.0.100"), underlay, 10);
        rtnl.links().addVxlan("vxlan100", kind);
        NetlinkException dup = assertThrows(NetlinkException.class, () -> rtnl.links().addVxlan("other100", kind));
        assertTrue(dup.isAlreadyExists(), dup.getMessage());
    }

    @Test
    void floodEntriesAreAppendedListedAndDeleted() throws Exception {
        LinkKind.Vxlan kind = new LinkKind.Vxlan(5002, Optional.empty(),
                Optional.of(InetAddress.getByName("192.0.2.1")), underlay, 0, 4789, true);
        int vx = rtnl.links().addVxlan("vxlan5002", kind).index();
        FdbEntry a = FdbEntry.flood(vx, InetAddress.getByName("192.0.2.11"));
        FdbEntry b = FdbEntry.flood(vx, InetAddress.getByName("192.0.2.12"));
        BatchResult result = rtnl.batch().appendFdb(a).appendFdb(b).execute();
        assertEquals(List.of(), result.failures());
        assertEquals(Set.of("00:00:00:00:00:00>192.0.2.11", "00:00:00:00:00:00>192.0.2.12"), shownFdb("vxlan5002"));

        Set<FdbEntry> listed = rtnl.fdb().list().stream().filter(FdbEntry::isFlood).collect(Collectors.toSet());
        assertEquals(Set.of(a, b), listed);

        rtnl.fdb().delete(a);
        assertEquals(Set.of("00:00:00:00:00:00>192.0.2.12"), shownFdb("vxlan5002"));
        // the vxlan driver acknowledges deleting a remote that is not there: deletes are idempotent
        rtnl.fdb().delete(a);
        assertEquals(Set.of("00:00:00:00:00:00>192.0.2.12"), shownFdb("vxlan5002"));
    }

    /** "mac>dst" of every entry with a dst on the device, as {@code bridge -j fdb show dev NAME} prints them. */
    private static Set<String> shownFdb(String device) {
        var result = Command.run(List.of("bridge", "-j", "fdb", "show", "dev", device)).requireSuccess();
        Set<String> out = new HashSet<>();
        for (JsonNode e : org.linuxrouter.testkit.net.Ip.parse(result.stdout(), result.argv())) {
            if (e.has("dst")) {
                out.add(e.get("mac").asText() + ">" + e.get("dst").asText());
            }
        }
        return out;
    }
}
