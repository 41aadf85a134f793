package org.linuxrouter.lab.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.linuxrouter.rtnetlink.NeighbourAnnouncer;
import org.linuxrouter.rtnetlink.internal.LibC;

/**
 * Bench only ({@code ANNOUNCE=shared}): NeighbourAnnouncer's own packets and socket addresses (its package-private
 * builders, by reflection, so nothing is written twice) sent through one packet socket and one ICMPv6 socket for a
 * whole takeover instead of two sockets per call. It measures what a batched NeighbourAnnouncer would cost: closing a
 * packet socket waits for an RCU grace period ({@code packet_release} calls {@code synchronize_net}), 15-20 ms on the
 * loaded bench machine, and one call per guest link pays it 4,094 times.
 */
final class SharedSocketAnnouncer implements AutoCloseable {

    private static final int AF_PACKET = 17;
    private static final int AF_INET6 = 10;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_RAW = 3;
    private static final int ETH_P_ARP = 0x0806;
    private static final int IPPROTO_ICMPV6 = 58;
    private static final int IPPROTO_IPV6 = 41;
    private static final int IPV6_MULTICAST_IF = 17;
    private static final int IPV6_MULTICAST_HOPS = 18;

    private static final MethodHandle GRATUITOUS_ARP = builder("gratuitousArp", byte[].class, byte[].class);
    private static final MethodHandle UNSOLICITED_ADVERT = builder("unsolicitedAdvert", byte[].class, byte[].class);
    private static final MethodHandle LINK_LAYER_BROADCAST = builder("linkLayerBroadcast", int.class);
    private static final MethodHandle ALL_NODES = builder("allNodes", int.class);

    private final LibC libc = LibC.system();
    private final int packet;
    private final int icmp6;

    SharedSocketAnnouncer() {
        int protocol = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? ETH_P_ARP
                : Short.reverseBytes((short) ETH_P_ARP) & 0xffff; // htons
        packet = libc.socket(AF_PACKET, SOCK_DGRAM | LibC.SOCK_CLOEXEC, protocol);
        icmp6 = libc.socket(AF_INET6, SOCK_RAW | LibC.SOCK_CLOEXEC, IPPROTO_ICMPV6);
        libc.setsockopt(icmp6, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, nativeInt(255));
    }

    /** As {@link NeighbourAnnouncer#announce}, on the sockets opened once. */
    int announce(TakeoverStandIn.Link link, Iterable<InetAddress> addresses) {
        int sent = 0;
        boolean interfaceSet = false;
        try {
            for (InetAddress a : addresses) {
                if (a instanceof Inet4Address) {
                    byte[] arp = (byte[]) GRATUITOUS_ARP.invokeExact(link.mac(), a.getAddress());
                    libc.sendto(packet, arp, arp.length, (byte[]) LINK_LAYER_BROADCAST.invokeExact(link.index()));
                } else {
                    if (!interfaceSet) {
                        libc.setsockopt(icmp6, IPPROTO_IPV6, IPV6_MULTICAST_IF, nativeInt(link.index()));
                        interfaceSet = true;
                    }
                    byte[] na = (byte[]) UNSOLICITED_ADVERT.invokeExact(link.mac(), a.getAddress());
                    libc.sendto(icmp6, na, na.length, (byte[]) ALL_NODES.invokeExact(link.index()));
                }
                sent++;
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return sent;
    }

    @Override
    public void close() {
        libc.close(packet);
        libc.close(icmp6);
    }

    private static MethodHandle builder(String name, Class<?>... parameters) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(NeighbourAnnouncer.class,
                    MethodHandles.lookup());
            return lookup.findStatic(NeighbourAnnouncer.class, name, MethodType.methodType(byte[].class, parameters));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("NeighbourAnnouncer." + name + ": " + e.getMessage(), e);
        }
    }

    private static byte[] nativeInt(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
    }
}
