package org.linuxrouter.testkit.net;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linuxrouter.testkit.process.Command;
import org.linuxrouter.testkit.process.CommandException;

/**
 * On real namespaces of the host kernel, read back with {@code ip -j netns} and {@code ip -j link}: every name here
 * starts with {@code lrng<pid>} so parallel runs of other tests never meet. Needs root and iproute2.
 */
class NetnsGroupTest {

    private final String prefix = "lrng" + ProcessHandle.current().pid() % 100000 + "-";

    /** Whatever a failed assertion left: this test's own prefix only. */
    @AfterEach
    void sweep() {
        for (String name : ours()) {
            Command.run(List.of("ip", "netns", "del", name));
        }
        Command.run(List.of("ip", "link", "del", "dev", hostLinkName()));
        Command.run(List.of("ip", "link", "del", "dev", hostLinkName() + "p"));
    }

    @Test
    void aStepFailingHalfWayLeavesNoNamespaceAndNoHostLinkBehind() {
        List<Set<String>> seenBeforeTheFailure = new ArrayList<>();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> NetnsGroup.build(prefix, g -> {
            Netns a = g.create("a");
            Netns b = g.create("b");
            a.vethTo(b, "ab0", "ba0");
            String host = g.hostLink(hostLinkName());
            Ip.host().batch(List.of("link add " + host + " type veth peer name " + hostLinkName() + "p",
                    "link set " + host + " up"));
            g.create("c");
            seenBeforeTheFailure.add(ours());
            assertTrue(hostHasLink(host), "the host link exists before the failure");
            throw new IllegalStateException("deliberate failure half-way");
        }));
        assertEquals("deliberate failure half-way", thrown.getMessage());
        assertEquals(0, thrown.getSuppressed().length, "every deletion succeeded");
        assertEquals(Set.of(prefix + "a", prefix + "b", prefix + "c"), seenBeforeTheFailure.get(0));
        assertEquals(Set.of(), ours(), "ip -j netns lists none of the group's namespaces");
        assertFalse(hostHasLink(hostLinkName()), "the host link (its peer was in the host too) is gone");
        assertFalse(hostHasLink(hostLinkName() + "p"));
    }

    @Test
    void aFailedCreationHalfWayRemovesWhatWasMadeBeforeIt() {
        Netns squatter = Netns.create(prefix + "taken");
        try {
            CommandException thrown = assertThrows(CommandException.class, () -> NetnsGroup.build(prefix, g -> {
                g.create("first");
                g.create("taken"); // exists already: ip netns add fails
                return g;
            }));
            assertTrue(thrown.getMessage().contains(prefix + "taken"), thrown.getMessage());
            assertEquals(Set.of(prefix + "taken"), ours(), "only the namespace the group did not make is left");
        } finally {
            squatter.close();
        }
    }

    @Test
    void closeTriesEveryDeletionThrowsTheFirstFailureWithTheRestSuppressedAndIsIdempotent() {
        NetnsGroup group = new NetnsGroup(prefix);
        group.create("one");
        group.create("two");
        group.create("three");
        // deleted behind the group's back: its own deletions of these two must fail
        Command.run(List.of("ip", "netns", "del", prefix + "one")).requireSuccess();
        Command.run(List.of("ip", "netns", "del", prefix + "three")).requireSuccess();

        CommandException thrown = assertThrows(CommandException.class, group::close);
        assertTrue(thrown.getMessage().contains(prefix + "three"), "reverse order: three fails first, "
                + thrown.getMessage());
        assertEquals(1, thrown.getSuppressed().length);
        assertTrue(thrown.getSuppressed()[0].getMessage().contains(prefix + "one"),
                thrown.getSuppressed()[0].getMessage());
        assertEquals(Set.of(), ours(), "two was still deleted between the failures");
        assertDoesNotThrow(group::close, "a second close has nothing left to do");
    }

    @Test
    void replaceRemovesALeftoverOfACrashedRunAndTheHostLinkIsDeletedWhenStillThere() {
        Netns.create(prefix + "left"); // a crashed run's, never closed
        NetnsGroup group = new NetnsGroup(prefix);
        Netns fresh = group.replace("left");
        assertEquals(prefix + "left", fresh.name());
        // a host link whose peer lives in the host namespace too: it does not go with any namespace
        String host = group.hostLink(hostLinkName());
        Ip.host().batch(List.of("link add " + host + " type veth peer name " + hostLinkName() + "p"));
        assertTrue(hostHasLink(host));
        group.close();
        assertEquals(Set.of(), ours());
        assertFalse(hostHasLink(host));
        assertFalse(hostHasLink(hostLinkName() + "p"));
    }

    @Test
    void namesArePrefixedAndPrefixesChecked() {
        NetnsGroup group = new NetnsGroup(prefix);
        assertEquals(prefix + "router", group.name("router"));
        assertSame(prefix, group.prefix());
        assertEquals("router", new NetnsGroup("").name("router"), "a UML guest's own kernel needs no prefix");
        assertThrows(IllegalArgumentException.class, () -> new NetnsGroup("bad prefix"));
        assertThrows(IllegalArgumentException.class, () -> new NetnsGroup("-lead"));
        assertThrows(IllegalArgumentException.class, () -> group.hostLink("host-link-name-too-long"));
    }

    private String hostLinkName() {
        return "lrng" + ProcessHandle.current().pid() % 100000 + "h";
    }

    /** The namespaces {@code ip -j netns} lists with this test's prefix. */
    private Set<String> ours() {
        Set<String> names = new TreeSet<>();
        for (JsonNode entry : Ip.host().json("netns")) {
            String name = entry.path("name").asText();
            if (name.startsWith(prefix)) {
                names.add(name);
            }
        }
        return names;
    }

    private static boolean hostHasLink(String name) {
        for (JsonNode link : Ip.host().json("link", "show")) {
            if (name.equals(link.path("ifname").asText())) {
                return true;
            }
        }
        return false;
    }
}
