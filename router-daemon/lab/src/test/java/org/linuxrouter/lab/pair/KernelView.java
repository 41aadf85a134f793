package org.linuxrouter.lab.pair;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.linuxrouter.protocol.model.GatewayAddress;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.IpFamily;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.testkit.net.Netns;

/**
 * What a pair router's kernel holds of the guest networks, as iproute2 shows it ({@code ip -j}, never the daemon's
 * own netlink code), or what it must hold: VLAN links on the trunk, global addresses on the trunk and the VLAN
 * links (the gateways and the VRRP pair address on the master only), routes into the VLAN links (host routes to
 * every VM address on both routers, the gateways' connected prefixes on the master), proxy entries on the uplink
 * (both routers), and whether the uplink answers upstream (IPv4 forwarding, proxy NDP: the master only).
 */
record KernelView(Set<String> links, Set<String> addresses, Set<String> routes, Set<String> proxies,
                  boolean uplinkForwards, boolean uplinkProxiesNdp) {

    static final String PAIR_ADDRESS = "169.254.255.51/32";

    /** Reads a router's kernel with iproute2. */
    static KernelView read(Netns router) {
        Set<String> links = new TreeSet<>();
        for (JsonNode l : router.ip().json("-d", "link", "show")) {
            String name = l.path("ifname").asText();
            if (name.startsWith("eth1.")) {
                boolean up = false;
                for (JsonNode f : l.path("flags")) {
                    up |= "UP".equals(f.asText());
                }
                links.add(name + " vlan " + l.path("linkinfo").path("info_data").path("id").asInt() + (up ? " up" : " down"));
            }
        }
        Set<String> addresses = new TreeSet<>();
        for (JsonNode l : router.ip().json("addr", "show")) {
            String name = l.path("ifname").asText();
            if (name.equals("eth1") || name.startsWith("eth1.")) {
                for (JsonNode a : l.path("addr_info")) {
                    if (!"link".equals(a.path("scope").asText())) {
                        addresses.add(name + " " + a.path("local").asText() + "/" + a.path("prefixlen").asInt());
                    }
                }
            }
        }
        Set<String> routes = new TreeSet<>();
        for (String family : new String[] {"-4", "-6"}) {
            for (JsonNode r : router.ip().json(family, "route", "show")) {
                String dev = r.path("dev").asText();
                String dst = r.path("dst").asText();
                if (dev.startsWith("eth1.") && !dst.startsWith("fe80:")) {
                    routes.add(withLength(dst) + " " + dev);
                }
            }
        }
        Set<String> proxies = new TreeSet<>();
        for (JsonNode n : router.ip().json("neigh", "show", "proxy")) {
            proxies.add(n.path("dst").asText() + " " + n.path("dev").asText());
        }
        boolean forwards = false;
        boolean proxyNdp = false;
        for (JsonNode c : router.ip().json("netconf", "show", "dev", "eth0")) {
            if ("inet".equals(c.path("family").asText())) {
                forwards = c.path("forwarding").asBoolean();
            } else if ("inet6".equals(c.path("family").asText())) {
                proxyNdp = c.path("proxy_neigh").asBoolean();
            }
        }
        return new KernelView(links, addresses, routes, proxies, forwards, proxyNdp);
    }

    /** What a router must hold for these networks: as master (gateways, answers upstream) or not. */
    static KernelView expected(Collection<PairNetwork> networks, boolean master, String trunkAddress) {
        Set<String> links = new TreeSet<>();
        Set<String> addresses = new TreeSet<>();
        Set<String> routes = new TreeSet<>();
        Set<String> proxies = new TreeSet<>();
        addresses.add("eth1 " + trunkAddress);
        if (master) {
            addresses.add("eth1 " + PAIR_ADDRESS);
        }
        boolean v6Proxies = false;
        for (PairNetwork n : networks) {
            NetworkSpec spec = n.spec();
            int vid = spec.segment().id();
            String link = "eth1." + vid;
            links.add(link + " vlan " + vid + " up");
            if (master) {
                addresses.add(link + " " + spec.gateway4());
                routes.add(prefix(spec.gateway4()) + " " + link);
                spec.gateway6().ifPresent(g -> {
                    addresses.add(link + " " + g);
                    routes.add(prefix(g) + " " + link);
                });
            }
            for (NicSpec nic : n.nics()) {
                for (IpAddress ip : nic.addresses()) {
                    routes.add(withLength(ip.toString()) + " " + link);
                    proxies.add(ip + " eth0");
                    v6Proxies |= ip.family() == IpFamily.V6;
                }
            }
        }
        return new KernelView(links, addresses, routes, proxies, master, master && v6Proxies);
    }

    private static String withLength(String dst) {
        return dst.contains("/") ? dst : dst + (dst.contains(":") ? "/128" : "/32");
    }

    /** The connected route a gateway address gives its link: 198.51.100.129/25 -> 198.51.100.128/25. */
    static String prefix(GatewayAddress gateway) {
        try {
            InetAddress address = gateway.address().toInetAddress();
            int bits = address.getAddress().length * 8;
            BigInteger value = new BigInteger(1, address.getAddress());
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(gateway.length()).not();
            byte[] raw = value.and(mask).toByteArray();
            byte[] out = new byte[bits / 8];
            int copy = Math.min(raw.length, out.length);
            System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
            String text = InetAddress.getByAddress(out).getHostAddress();
            return IpAddress.parse(text) + "/" + gateway.length();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
