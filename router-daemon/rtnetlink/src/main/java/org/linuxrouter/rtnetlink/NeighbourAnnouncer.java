package org.linuxrouter.rtnetlink;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Objects;
import org.linuxrouter.rtnetlink.internal.LibC;

/**
 * Tells a segment that addresses now live behind this interface's MAC, so neighbour caches update at once instead
 * of when they expire: a gratuitous ARP request (sender = target = the address, which Linux accepts even inside its
 * neighbour lock time) for IPv4, an unsolicited Neighbour Advertisement with the Override flag to all-nodes for
 * IPv6. Used by a router pair's new master for the public addresses it proxies on its uplink (keepalived announces
 * only its own virtual addresses). One packet socket and one ICMPv6 socket per call; thousands of addresses cost
 * milliseconds. Needs CAP_NET_RAW.
 */
public final class NeighbourAnnouncer {

    private static final int AF_PACKET = 17;
    private static final int AF_INET6 = 10;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_RAW = 3;
    private static final int ETH_P_ARP = 0x0806;
    private static final int IPPROTO_ICMPV6 = 58;
    private static final int IPPROTO_IPV6 = 41;
    private static final int IPV6_MULTICAST_IF = 17;
    private static final int IPV6_MULTICAST_HOPS = 18;
    private static final byte[] ALL_NODES = {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    private final LibC libc;

    private NeighbourAnnouncer(LibC libc) {
        this.libc = libc;
    }

    public static NeighbourAnnouncer system() {
        return new NeighbourAnnouncer(LibC.system());
    }

    /**
     * Announces every address on the interface {@code ifindex} whose MAC is {@code mac} (6 bytes). Returns how many
     * packets went out; a socket call that fails throws (naming the call and errno). For many links use one
     * {@link #session()}.
     */
    public int announce(int ifindex, byte[] mac, Collection<InetAddress> addresses) {
        try (Session session = session()) {
            return session.announce(ifindex, mac, addresses);
        }
    }

    /**
     * Sockets kept open across many {@link Session#announce} calls (a takeover announcing on every guest link):
     * closing a packet socket waits for an RCU grace period, 15-20 ms measured on a loaded machine, which one pair of
     * sockets per link would pay 4,094 times (bench/vrrp-takeover, {@code ANNOUNCE=shared}). Not thread-safe.
     */
    public Session session() {
        return new Session();
    }

    /** One packet socket and one ICMPv6 socket, each opened when first needed, closed by {@link #close()}. */
    public final class Session implements AutoCloseable {
        private int packet = -1;
        private int icmp6 = -1;

        private Session() {
        }

        /** As {@link NeighbourAnnouncer#announce}, on this session's sockets. */
        public int announce(int ifindex, byte[] mac, Collection<InetAddress> addresses) {
            Objects.requireNonNull(addresses, "addresses");
            if (mac == null || mac.length != 6) {
                throw new IllegalArgumentException("mac: expected 6 bytes");
            }
            if (ifindex <= 0) {
                throw new IllegalArgumentException("ifindex: expected a positive index, got " + ifindex);
            }
            int sent = 0;
            byte[] broadcast = null;
            byte[] allNodes = null;
            for (InetAddress a : addresses) {
                if (a instanceof Inet4Address) {
                    if (broadcast == null) {
                        broadcast = linkLayerBroadcast(ifindex);
                    }
                    byte[] arp = gratuitousArp(mac, a.getAddress());
                    libc.sendto(packetSocket(), arp, arp.length, broadcast);
                    sent++;
                } else if (a instanceof Inet6Address) {
                    if (allNodes == null) {
                        libc.setsockopt(icmp6Socket(), IPPROTO_IPV6, IPV6_MULTICAST_IF, nativeInt(ifindex));
                        allNodes = allNodes(ifindex);
                    }
                    byte[] na = unsolicitedAdvert(mac, a.getAddress());
                    libc.sendto(icmp6Socket(), na, na.length, allNodes); // the kernel fills in the ICMPv6 checksum
                    sent++;
                }
            }
            return sent;
        }

        private int packetSocket() {
            if (packet < 0) {
                int protocol = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? ETH_P_ARP
                        : Short.reverseBytes((short) ETH_P_ARP) & 0xffff; // htons
                packet = libc.socket(AF_PACKET, SOCK_DGRAM | LibC.SOCK_CLOEXEC, protocol);
            }
            return packet;
        }

        private int icmp6Socket() {
            if (icmp6 < 0) {
                int fd = libc.socket(AF_INET6, SOCK_RAW | LibC.SOCK_CLOEXEC, IPPROTO_ICMPV6);
                try {
                    libc.setsockopt(fd, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, nativeInt(255)); // RFC 4861: 255 or dropped
                } catch (RuntimeException e) {
                    libc.close(fd);
                    throw e;
                }
                icmp6 = fd;
            }
            return icmp6;
        }

        @Override
        public void close() {
            if (packet >= 0) {
                libc.close(packet);
                packet = -1;
            }
            if (icmp6 >= 0) {
                libc.close(icmp6);
                icmp6 = -1;
            }
        }
    }

    /** ARP request, Ethernet/IPv4, sender and target both the announced address (RFC 5227 "ARP announcement"). */
    static byte[] gratuitousArp(byte[] mac, byte[] ipv4) {
        ByteBuffer b = ByteBuffer.allocate(28).order(ByteOrder.BIG_ENDIAN);
        b.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) 1);
        b.put(mac).put(ipv4).put(new byte[6]).put(ipv4);
        return b.array();
    }

    /** ICMPv6 Neighbour Advertisement: Override set, not Solicited, not Router; target link-layer address option. */
    static byte[] unsolicitedAdvert(byte[] mac, byte[] ipv6) {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 136).put((byte) 0).putShort((short) 0).put((byte) 0x20).put(new byte[3]);
        b.put(ipv6).put((byte) 2).put((byte) 1).put(mac);
        return b.array();
    }

    /** struct sockaddr_ll to the Ethernet broadcast address. */
    private static byte[] linkLayerBroadcast(int ifindex) {
        ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
        b.putShort((short) AF_PACKET);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) ETH_P_ARP).order(ByteOrder.nativeOrder());
        b.putInt(ifindex).putShort((short) 1).put((byte) 0).put((byte) 6);
        b.put(new byte[] {-1, -1, -1, -1, -1, -1, 0, 0});
        return b.array();
    }

    /** struct sockaddr_in6 to ff02::1 on {@code ifindex}. */
    private static byte[] allNodes(int ifindex) {
        ByteBuffer b = ByteBuffer.allocate(28).order(ByteOrder.nativeOrder());
        b.putShort((short) AF_INET6).putShort((short) 0).putInt(0).put(ALL_NODES).putInt(ifindex);
        return b.array();
    }

    private static byte[] nativeInt(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
    }
}
