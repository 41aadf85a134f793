package org.linuxrouter.rtnetlink;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.linuxrouter.rtnetlink.internal.LibC;
import org.linuxrouter.rtnetlink.wire.Ifa;
import org.linuxrouter.rtnetlink.wire.Rtm;

/**
 * Tells a segment that addresses now live behind this interface's MAC, so neighbour caches update at once instead
 * of when they expire: a gratuitous ARP request (sender = target = the address, which Linux accepts even inside its
 * neighbour lock time) for IPv4, an unsolicited Neighbour Advertisement with the Override flag to all-nodes for
 * IPv6. Used by a router pair's new master for the public addresses it proxies on its uplink and, in gate mode, for
 * every gateway on every guest link. Both kinds go out as whole frames through one packet socket: an NA sent on a
 * raw ICMPv6 socket costs an IPv6 route lookup each, which with one {@code ff00::/8} route per guest link was 54 % of
 * a 4,094-network takeover (docs/performance.md). Needs CAP_NET_RAW.
 */
public final class NeighbourAnnouncer {

    private static final int AF_PACKET = 17;
    private static final int SOCK_DGRAM = 2;
    private static final int ETH_P_ARP = 0x0806;
    private static final int ETH_P_IPV6 = 0x86DD;
    private static final int IPPROTO_ICMPV6 = 58;
    private static final byte[] ALL_NODES = {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    private static final byte[] BROADCAST_MAC = {-1, -1, -1, -1, -1, -1};
    private static final byte[] ALL_NODES_MAC = {0x33, 0x33, 0, 0, 0, 1}; // RFC 2464 §7: 33:33 + low 32 bits
    private static final int ADVERT_LENGTH = 32;

    private final LibC libc;
    private final Supplier<List<Address>> addresses;

    private NeighbourAnnouncer(LibC libc, Supplier<List<Address>> addresses) {
        this.libc = libc;
        this.addresses = addresses;
    }

    /** The calling thread's network namespace; IPv6 source addresses read with one rtnetlink dump per session. */
    public static NeighbourAnnouncer system() {
        return new NeighbourAnnouncer(LibC.system(), () -> {
            try (Rtnl rtnl = Rtnl.open()) {
                return rtnl.addresses().list();
            }
        });
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
     * A socket kept open across many {@link Session#announce} calls (a takeover announcing on every guest link):
     * closing a packet socket waits for an RCU grace period, 15-20 ms measured on a loaded machine, which one socket
     * per link would pay 4,094 times (bench/vrrp-takeover, {@code ANNOUNCE=per-call}). Not thread-safe.
     */
    public Session session() {
        return new Session();
    }

    /**
     * One packet socket, opened when first needed, and the links' IPv6 source addresses, dumped when the first NA is
     * built (again once if a link is missing: it may have been created since); both released by {@link #close()}.
     */
    public final class Session implements AutoCloseable {
        private int packet = -1;
        private Map<Integer, byte[]> sources;
        private boolean refreshed;

        private Session() {
        }

        /** As {@link NeighbourAnnouncer#announce}, on this session's socket. */
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
            byte[] source = null;
            for (InetAddress a : addresses) {
                if (a instanceof Inet4Address) {
                    if (broadcast == null) {
                        broadcast = linkLayerAddress(ifindex, ETH_P_ARP, BROADCAST_MAC);
                    }
                    byte[] arp = gratuitousArp(mac, a.getAddress());
                    libc.sendto(packetSocket(), arp, arp.length, broadcast);
                    sent++;
                } else if (a instanceof Inet6Address) {
                    if (allNodes == null) {
                        allNodes = linkLayerAddress(ifindex, ETH_P_IPV6, ALL_NODES_MAC);
                        source = sourceFor(ifindex);
                    }
                    byte[] na = advertisementPacket(source, mac, a.getAddress());
                    libc.sendto(packetSocket(), na, na.length, allNodes);
                    sent++;
                }
            }
            return sent;
        }

        private byte[] sourceFor(int ifindex) {
            if (sources == null || (!sources.containsKey(ifindex) && !refreshed)) {
                refreshed = sources != null;
                sources = sourceAddresses(addresses.get());
            }
            byte[] source = sources.get(ifindex);
            if (source == null) {
                throw new IllegalStateException("link " + ifindex + ": no usable IPv6 address to send an NA from");
            }
            return source;
        }

        private int packetSocket() {
            if (packet < 0) {
                // protocol 0: the socket only sends (each frame's type is in its sockaddr_ll), so the kernel queues
                // no received frame on it
                packet = libc.socket(AF_PACKET, SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0);
            }
            return packet;
        }

        @Override
        public void close() {
            if (packet >= 0) {
                libc.close(packet);
                packet = -1;
            }
        }
    }

    /**
     * Per link, the source address the kernel would pick for a packet to ff02::1 on it (RFC 6724 rule 2, same scope
     * first): a link-local address, else a global one; never a tentative or DAD-failed one, a deprecated one only if
     * nothing else is left.
     */
    static Map<Integer, byte[]> sourceAddresses(List<Address> addresses) {
        Map<Integer, byte[]> best = new HashMap<>();
        Map<Integer, Integer> rank = new HashMap<>();
        for (Address a : addresses) {
            if (!(a.prefix().address() instanceof Inet6Address)
                    || (a.flags() & (Ifa.F_TENTATIVE | Ifa.F_DADFAILED)) != 0
                    || (a.scope() != Rtm.RT_SCOPE_LINK && a.scope() != Rtm.RT_SCOPE_UNIVERSE)) {
                continue;
            }
            int r = (a.scope() == Rtm.RT_SCOPE_LINK ? 0 : 2) + ((a.flags() & Ifa.F_DEPRECATED) != 0 ? 1 : 0);
            if (r < rank.getOrDefault(a.linkIndex(), Integer.MAX_VALUE)) {
                rank.put(a.linkIndex(), r);
                best.put(a.linkIndex(), a.prefix().address().getAddress());
            }
        }
        return best;
    }

    /** ARP request, Ethernet/IPv4, sender and target both the announced address (RFC 5227 "ARP announcement"). */
    static byte[] gratuitousArp(byte[] mac, byte[] ipv4) {
        ByteBuffer b = ByteBuffer.allocate(28).order(ByteOrder.BIG_ENDIAN);
        b.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) 1);
        b.put(mac).put(ipv4).put(new byte[6]).put(ipv4);
        return b.array();
    }

    /**
     * The IPv6 packet (the kernel adds the Ethernet header from the sockaddr_ll): hop limit 255, as RFC 4861 requires
     * or receivers drop it, from {@code source} to ff02::1, carrying {@link #unsolicitedAdvert} with its checksum.
     */
    static byte[] advertisementPacket(byte[] source, byte[] mac, byte[] target) {
        byte[] icmp = unsolicitedAdvert(mac, target);
        int checksum = icmpv6Checksum(source, ALL_NODES, icmp);
        icmp[2] = (byte) (checksum >>> 8);
        icmp[3] = (byte) checksum;
        ByteBuffer b = ByteBuffer.allocate(40 + icmp.length).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0x60000000).putShort((short) icmp.length).put((byte) IPPROTO_ICMPV6).put((byte) 255);
        b.put(source).put(ALL_NODES).put(icmp);
        return b.array();
    }

    /** ICMPv6 Neighbour Advertisement: Override set, not Solicited, not Router; target link-layer address option. */
    static byte[] unsolicitedAdvert(byte[] mac, byte[] ipv6) {
        ByteBuffer b = ByteBuffer.allocate(ADVERT_LENGTH).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 136).put((byte) 0).putShort((short) 0).put((byte) 0x20).put(new byte[3]);
        b.put(ipv6).put((byte) 2).put((byte) 1).put(mac);
        return b.array();
    }

    /**
     * RFC 4443 §2.3: the ones' complement of the ones' complement sum over the pseudo-header (RFC 8200 §8.1: source,
     * destination, upper-layer length, next header 58) and the message, whose checksum field must be zero.
     */
    static int icmpv6Checksum(byte[] source, byte[] destination, byte[] message) {
        long sum = sum16(source) + sum16(destination) + message.length + IPPROTO_ICMPV6 + sum16(message);
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static long sum16(byte[] bytes) {
        long sum = 0;
        for (int i = 0; i < bytes.length; i += 2) {
            int low = i + 1 < bytes.length ? bytes[i + 1] & 0xff : 0;
            sum += ((bytes[i] & 0xff) << 8) | low;
        }
        return sum;
    }

    /** struct sockaddr_ll: to {@code mac} on {@code ifindex}, the frame's EtherType {@code protocol}. */
    private static byte[] linkLayerAddress(int ifindex, int protocol, byte[] mac) {
        ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
        b.putShort((short) AF_PACKET);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) protocol).order(ByteOrder.nativeOrder());
        b.putInt(ifindex).putShort((short) 1).put((byte) 0).put((byte) 6);
        b.put(mac).put(new byte[2]);
        return b.array();
    }
}
