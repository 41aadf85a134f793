package org.linuxrouter.lab.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.linuxrouter.rtnetlink.NeighbourAnnouncer;
import org.linuxrouter.rtnetlink.internal.LibC;

/**
 * Bench only ({@code ANNOUNCE=shared}): NeighbourAnnouncer's own packets, socket addresses and constants (its
 * private builders and fields, by reflection, so nothing is written twice) sent through one packet socket and one ICMPv6 socket for a
 * whole takeover instead of two sockets per call. It measures what a batched NeighbourAnnouncer would cost: closing a
 * packet socket waits for an RCU grace period ({@code packet_release} calls {@code synchronize_net}), 15-20 ms on the
 * loaded bench machine, and one call per guest link pays it 4,094 times.
 */
final class SharedSocketAnnouncer implements AutoCloseable {

    /** NeighbourAnnouncer's own socket constants (AF_PACKET, ETH_P_ARP, ...), read from it rather than restated. */
    private static final Map<String, Integer> K = constants("AF_PACKET", "AF_INET6", "SOCK_DGRAM", "SOCK_RAW",
            "ETH_P_ARP", "IPPROTO_ICMPV6", "IPPROTO_IPV6", "IPV6_MULTICAST_IF", "IPV6_MULTICAST_HOPS");

    private static final MethodHandle GRATUITOUS_ARP = builder("gratuitousArp", byte[].class, byte[].class);
    private static final MethodHandle UNSOLICITED_ADVERT = builder("unsolicitedAdvert", byte[].class, byte[].class);
    private static final MethodHandle LINK_LAYER_BROADCAST = builder("linkLayerBroadcast", int.class);
    private static final MethodHandle ALL_NODES = builder("allNodes", int.class);

    private final LibC libc = LibC.system();
    private final int packet;
    private final int icmp6;

    SharedSocketAnnouncer() {
        int arp = K.get("ETH_P_ARP");
        int protocol = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? arp : Short.reverseBytes((short) arp) & 0xffff;
        packet = libc.socket(K.get("AF_PACKET"), K.get("SOCK_DGRAM") | LibC.SOCK_CLOEXEC, protocol);
        icmp6 = libc.socket(K.get("AF_INET6"), K.get("SOCK_RAW") | LibC.SOCK_CLOEXEC, K.get("IPPROTO_ICMPV6"));
        libc.setsockopt(icmp6, K.get("IPPROTO_IPV6"), K.get("IPV6_MULTICAST_HOPS"), nativeInt(255));
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
                        libc.setsockopt(icmp6, K.get("IPPROTO_IPV6"), K.get("IPV6_MULTICAST_IF"),
                                nativeInt(link.index()));
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
            return inside().findStatic(NeighbourAnnouncer.class, name, MethodType.methodType(byte[].class, parameters));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("NeighbourAnnouncer." + name + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Integer> constants(String... names) {
        Map<String, Integer> values = new HashMap<>();
        for (String name : names) {
            try {
                values.put(name, (int) inside().findStaticGetter(NeighbourAnnouncer.class, name, int.class).invoke());
            } catch (Throwable e) {
                throw new IllegalStateException("NeighbourAnnouncer." + name + ": " + e.getMessage(), e);
            }
        }
        return Map.copyOf(values);
    }

    private static MethodHandles.Lookup inside() throws IllegalAccessException {
        return MethodHandles.privateLookupIn(NeighbourAnnouncer.class, MethodHandles.lookup());
    }

    private static byte[] nativeInt(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
    }
}
