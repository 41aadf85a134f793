package org.linuxrouter.rtnetlink.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.linuxrouter.rtnetlink.NeighbourAnnouncer;
import org.linuxrouter.testkit.net.Ip;
import org.linuxrouter.testkit.net.Netns;

/**
 * Real kernels on both ends: a neighbour in a namespace holds stale entries for a public IPv4 and IPv6 address
 * pointing at some old MAC (the dead master); one announcement from this side's veth moves both entries to this
 * veth's MAC, read back with {@code ip -j neigh} (the receiving kernel drops an NA with a wrong checksum or a hop limit
 * other than 255), and {@code tcpdump -vv} on the far end shows the NA as built by hand: hop limit 255, checksum ok,
 * from our link-local address (the one the kernel chose when it sent the NAs itself) to ff02::1. One session
 * announcing on two links moves each link's entries to that link's MAC (each frame's sockaddr_ll names its link).
 * Needs root, iproute2 and tcpdump.
 */
class NeighbourAnnouncerKernelTest {

    @Test
    void announcementsMoveAnUpstreamNeighboursEntriesToThisInterface() throws Exception {
        String tag = Long.toString(ProcessHandle.current().pid() % 100000);
        String local = "lrna" + tag;
        try (Netns upstream = Netns.create("lrna-up" + tag)) {
            Ip.host().run("link", "add", local, "type", "veth", "peer", "name", "up0", "netns", upstream.name());
            try {
                // No DAD on our side: the advertisement's source is our link-local address, usable at once.
                Ip.host().run("link", "set", local, "addrgenmode", "eui64");
                java.nio.file.Files.writeString(java.nio.file.Path.of("/proc/sys/net/ipv6/conf/" + local
                        + "/accept_dad"), "0");
                Ip.host().run("link", "set", local, "up");
                upstream.ip().run("link", "set", "up0", "up");
                upstream.ip().run("addr", "add", "203.0.113.1/24", "dev", "up0");
                upstream.ip().run("addr", "add", "2001:db8:7::1/64", "dev", "up0", "nodad");
                upstream.ip().run("neigh", "replace", "203.0.113.5", "lladdr", "02:00:00:00:00:99", "dev", "up0",
                        "nud", "stale");
                upstream.ip().run("neigh", "replace", "2001:db8:7::5", "lladdr", "02:00:00:00:00:99", "dev", "up0",
                        "nud", "stale");
                String linkLocal = waitForLinkLocal(local);

                NetworkInterface nic = NetworkInterface.getByName(local);
                Process tcpdump = new ProcessBuilder("ip", "netns", "exec", upstream.name(), "tcpdump", "-l", "-n",
                        "-vv", "-c", "1", "-i", "up0", "icmp6 and ip6[40] == 136").start();
                try {
                    BufferedReader status = new BufferedReader(new InputStreamReader(tcpdump.getErrorStream()));
                    for (String line = status.readLine(); line != null && !line.contains("listening on");
                            line = status.readLine()) {
                        // tcpdump's first stderr line says the capture is open
                    }
                    int sent = NeighbourAnnouncer.system().announce(nic.getIndex(), nic.getHardwareAddress(),
                            List.of(InetAddress.getByName("203.0.113.5"), InetAddress.getByName("2001:db8:7::5")));
                    assertEquals(2, sent);
                    assertTrue(tcpdump.waitFor(10, TimeUnit.SECONDS), "tcpdump saw no NA");
                    String seen = new String(tcpdump.getInputStream().readAllBytes());
                    assertTrue(seen.contains("hlim 255"), seen);
                    assertTrue(seen.contains("[icmp6 sum ok]"), seen);
                    assertTrue(seen.contains(linkLocal + " > ff02::1:"), "from " + linkLocal + ": " + seen);
                    assertTrue(seen.contains("neighbor advertisement, length 32, tgt is 2001:db8:7::5, Flags [override]"),
                            seen);
                } finally {
                    tcpdump.destroy();
                }

                String ours = HexFormat.ofDelimiter(":").formatHex(nic.getHardwareAddress());
                assertEquals(ours, eventuallyLladdr(upstream, "203.0.113.5", ours), "IPv4 entry moved by the ARP");
                assertEquals(ours, eventuallyLladdr(upstream, "2001:db8:7::5", ours), "IPv6 entry moved by the NA");
            } finally {
                Ip.host().run("link", "del", local);
            }
        }
    }

    @Test
    void oneSessionAnnouncesOnEachLinkFromItsOwnMac() throws Exception {
        String tag = Long.toString(ProcessHandle.current().pid() % 100000);
        List<String> locals = List.of("lrnaA" + tag, "lrnaB" + tag);
        try (Netns upstream = Netns.create("lrna-u2" + tag)) {
            try {
                for (int i = 0; i < 2; i++) {
                    String local = locals.get(i);
                    String peer = "up" + i;
                    Ip.host().run("link", "add", local, "type", "veth", "peer", "name", peer, "netns", upstream.name());
                    Ip.host().run("link", "set", local, "addrgenmode", "eui64");
                    java.nio.file.Files.writeString(java.nio.file.Path.of("/proc/sys/net/ipv6/conf/" + local
                            + "/accept_dad"), "0");
                    Ip.host().run("link", "set", local, "up");
                    upstream.ip().run("link", "set", peer, "up");
                    upstream.ip().run("addr", "add", "203.0.11" + (3 + i) + ".1/24", "dev", peer);
                    upstream.ip().run("addr", "add", "2001:db8:7" + i + "::1/64", "dev", peer, "nodad");
                    upstream.ip().run("neigh", "replace", "203.0.11" + (3 + i) + ".5", "lladdr", "02:00:00:00:00:99",
                            "dev", peer, "nud", "stale");
                    upstream.ip().run("neigh", "replace", "2001:db8:7" + i + "::5", "lladdr", "02:00:00:00:00:99",
                            "dev", peer, "nud", "stale");
                    waitForLinkLocal(local);
                }
                int sent = 0;
                try (NeighbourAnnouncer.Session session = NeighbourAnnouncer.system().session()) {
                    for (int i = 0; i < 2; i++) {
                        NetworkInterface nic = NetworkInterface.getByName(locals.get(i));
                        sent += session.announce(nic.getIndex(), nic.getHardwareAddress(), List.of(
                                InetAddress.getByName("203.0.11" + (3 + i) + ".5"),
                                InetAddress.getByName("2001:db8:7" + i + "::5")));
                    }
                }
                assertEquals(4, sent);
                for (int i = 0; i < 2; i++) {
                    String mac = HexFormat.ofDelimiter(":").formatHex(NetworkInterface.getByName(locals.get(i))
                            .getHardwareAddress());
                    assertEquals(mac, eventuallyLladdr(upstream, "up" + i, "203.0.11" + (3 + i) + ".5", mac));
                    assertEquals(mac, eventuallyLladdr(upstream, "up" + i, "2001:db8:7" + i + "::5", mac),
                            "the NA went out of link " + i);
                }
            } finally {
                for (String local : locals) {
                    org.linuxrouter.testkit.process.Command.run(List.of("ip", "link", "del", local)); // may be gone
                }
            }
        }
    }

    /** The link's link-local address once usable, as iproute2 and tcpdump print it (inet_ntop). */
    private static String waitForLinkLocal(String link) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            for (JsonNode l : Ip.host().json("-6", "addr", "show", "dev", link)) {
                for (JsonNode a : l.path("addr_info")) {
                    if ("link".equals(a.path("scope").asText()) && !a.path("tentative").asBoolean(false)) {
                        return a.path("local").asText();
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError(link + ": no usable link-local address within 4 s");
    }

    private static String eventuallyLladdr(Netns ns, String address, String wanted) throws InterruptedException {
        return eventuallyLladdr(ns, "up0", address, wanted);
    }

    private static String eventuallyLladdr(Netns ns, String dev, String address, String wanted)
            throws InterruptedException {
        String last = "";
        for (int i = 0; i < 100; i++) {
            for (JsonNode n : ns.ip().json("neigh", "show", "dev", dev)) {
                if (address.equals(n.path("dst").asText())) {
                    last = n.path("lladdr").asText();
                }
            }
            if (last.equals(wanted)) {
                return last;
            }
            Thread.sleep(20);
        }
        return last;
    }
}
