package org.linuxrouter.rtnetlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linuxrouter.rtnetlink.wire.Hex;

/**
 * Byte-for-byte checks of the requests this library sends, against bytes derived by hand from the kernel headers
 * and checked against what iproute2 6.1 sends for the same command ({@code strace -e trace=sendmsg -xx ip ...}).
 * Sequence numbers are 0 here: the channel stamps them when sending. No root needed.
 */
class RequestGoldenTest {
    private static final int ETH1 = 3;

    @Test
    void vlanCreateMatchesIpLinkAddTypeVlan() {
        // ip link add link eth1 name eth1.100 type vlan protocol 802.1Q id 100
        String expected = "58000000 1000 0506 00000000 00000000" // nlmsghdr: 88 bytes, RTM_NEWLINK, REQ|ACK|EXCL|CREATE
                + "00 00 0000 00000000 00000000 00000000"          // ifinfomsg: AF_UNSPEC, index 0, no flags
                + "0800 0500 03000000"                             // IFLA_LINK = 3 (eth1)
                + "0d00 0300 6574 6831 2e31 3030 00 000000"        // IFLA_IFNAME "eth1.100\0", padded
                + "2000 1200"                                      // IFLA_LINKINFO, 32 bytes
                + "0800 0100 766c 616e"                            //   IFLA_INFO_KIND "vlan" (no NUL, as iproute2)
                + "1400 0200"                                      //   IFLA_INFO_DATA, 20 bytes
                + "0600 0500 8100 0000"                            //     IFLA_VLAN_PROTOCOL 0x8100, big-endian
                + "0600 0100 6400 0000";                           //     IFLA_VLAN_ID 100, host order
        assertBytes(expected, LinkCodec.create("eth1.100", new LinkKind.Vlan(ETH1, 100, VlanProtocol.IEEE_802_1Q)));
    }

    @Test
    void vxlanCreateMatchesCloudStackModifyvxlanSh() throws Exception {
        // modifyvxlan.sh: ip link add vxlan100 type vxlan id 100 group 239.0.0.100 ttl 10 dev eth1
        String expected = "6c000000 1000 0506 00000000 00000000"   // 108 bytes, RTM_NEWLINK, REQ|ACK|EXCL|CREATE
                + "00 00 0000 00000000 00000000 00000000"
                + "0d00 0300 7678 6c61 6e31 3030 00 000000"        // IFLA_IFNAME "vxlan100\0"
                + "3c00 1200"                                      // IFLA_LINKINFO, 60 bytes (no IFLA_LINK)
                + "0900 0100 7678 6c61 6e 000000"                  //   IFLA_INFO_KIND "vxlan", padded
                + "2c00 0200"                                      //   IFLA_INFO_DATA, 44 bytes
                + "0500 0500 0a 000000"                            //     IFLA_VXLAN_TTL 10 (as parsed: first)
                + "0800 0300 03000000"                             //     IFLA_VXLAN_LINK 3 (dev eth1)
                + "0800 0100 64000000"                             //     IFLA_VXLAN_ID 100
                + "0800 0200 ef000064"                             //     IFLA_VXLAN_GROUP 239.0.0.100
                + "0500 0700 01 000000";                           //     IFLA_VXLAN_LEARNING 1; no PORT: 8472
        assertBytes(expected, LinkCodec.create("vxlan100",
                LinkKind.Vxlan.multicast(100, InetAddress.getByName("239.0.0.100"), ETH1, 10)));
    }

    @Test
    void vxlanWithLocalPortAndNoLearningMatchesEvpnScript() throws Exception {
        // ip link add vxlan5001 type vxlan id 5001 local 192.0.2.1 dstport 4789 nolearning dev eth1
        String expected = "6c000000 1000 0506 00000000 00000000"
                + "00 00 0000 00000000 00000000 00000000"
                + "0e00 0300 7678 6c61 6e35 3030 3100 0000"        // IFLA_IFNAME "vxlan5001\0"
                + "3c00 1200 0900 0100 7678 6c61 6e 000000 2c00 0200"
                + "0800 0300 03000000"                             // IFLA_VXLAN_LINK 3
                + "0800 0100 89130000"                             // IFLA_VXLAN_ID 5001
                + "0800 0400 c0000201"                             // IFLA_VXLAN_LOCAL 192.0.2.1
                + "0500 0700 00 000000"                            // IFLA_VXLAN_LEARNING 0
                + "0600 0f00 12b5 0000";                           // IFLA_VXLAN_PORT 4789, network byte order
        assertBytes(expected, LinkCodec.create("vxlan5001", new LinkKind.Vxlan(5001, Optional.empty(),
                Optional.of(InetAddress.getByName("192.0.2.1")), ETH1, 0, 4789, false)));
    }

    @Test
    void vxlanIpv6GroupUsesGroup6() throws Exception {
        // ip link add vxlan8 type vxlan id 8 group ff05::8 dev eth1 dstport 0
        String data = "0800 0300 03000000 0800 0100 08000000"
                + "1400 1000 ff050000000000000000000000000008"     // IFLA_VXLAN_GROUP6
                + "0500 0700 01 000000";
        String expected = "6c000000 1000 0506 00000000 00000000 00 00 0000 00000000 00000000 00000000"
                + "0b00 0300 7678 6c61 6e38 00 00" + "4000 1200 0900 0100 7678 6c61 6e 000000 3000 0200" + data;
        assertBytes(expected, LinkCodec.create("vxlan8", new LinkKind.Vxlan(8,
                Optional.of(InetAddress.getByName("ff05::8")), Optional.empty(), ETH1, 0, 0, true)));
    }

    @Test
    void floodEntryMatchesBridgeFdbAppend() throws Exception {
        // bridge fdb append 00:00:00:00:00:00 dev vxlan5001 dst 192.0.2.11 (vxlan5001 = ifindex 5)
        String body = "07 00 0000 05000000 c000 02 00"             // ndmsg: AF_BRIDGE, 5, NOARP|PERMANENT, NTF_SELF
                + "0a00 0200 000000000000 0000"                    // NDA_LLADDR 00:00:00:00:00:00, padded
                + "0800 0100 c000020b";                            // NDA_DST 192.0.2.11
        FdbEntry flood = FdbEntry.flood(5, InetAddress.getByName("192.0.2.11"));
        assertBytes("30000000 1c00 050c 00000000 00000000" + body, FdbCodec.append(flood)); // REQ|ACK|CREATE|APPEND
        assertBytes("30000000 1d00 0500 00000000 00000000" + body, FdbCodec.delete(flood)); // RTM_DELNEIGH
        assertBytes("1c000000 1e00 0103 00000000 00000000 07 00 0000 00000000 0000 00 00", FdbCodec.dump());
    }

    @Test
    void vethCreateMatchesIpLinkAddTypeVethPeer() {
        // ip link add v0 type veth peer name v1
        String expected = "54000000 1000 0506 00000000 00000000"
                + "00 00 0000 00000000 00000000 00000000"
                + "0700 0300 7630 00 00"                           // IFLA_IFNAME "v0\0"
                + "2c00 1200"                                      // IFLA_LINKINFO, 44 bytes
                + "0800 0100 7665 7468"                            //   IFLA_INFO_KIND "veth"
                + "2000 0200"                                      //   IFLA_INFO_DATA, 32 bytes
                + "1c00 0100"                                      //     VETH_INFO_PEER, 28 bytes
                + "00 00 0000 00000000 00000000 00000000"          //       the peer's ifinfomsg
                + "0700 0300 7631 00 00";                          //       its IFLA_IFNAME "v1\0"
        assertBytes(expected, LinkCodec.createVeth("v0", "v1"));
    }

    @Test
    void ipv4AddressAddMatchesIpAddrAdd() {
        // ip addr add 192.0.2.1/24 dev eth1
        String expected = "28000000 1400 0506 00000000 00000000"   // 40 bytes, RTM_NEWADDR, REQ|ACK|EXCL|CREATE
                + "02 18 00 00 03000000"                           // ifaddrmsg: AF_INET, /24, flags 0, universe, 3
                + "0800 0200 c0000201"                             // IFA_LOCAL 192.0.2.1
                + "0800 0100 c0000201";                            // IFA_ADDRESS 192.0.2.1
        Request request = AddressCodec.add(Address.of(ETH1, IpPrefix.parse("192.0.2.1/24")));
        assertBytes(expected, request);
        // the kernel echoed iproute2's request in the captured EEXIST error: same bytes but for the seq
        byte[] echoed = Arrays.copyOfRange(Hex.captured("error-eexist-extack.hex"), 20, 60);
        Arrays.fill(echoed, 8, 12, (byte) 0);
        assertArrayEquals(echoed, request.message());
    }

    @Test
    void ipv6AddressAddWithProtocolAppendsIfaProto() {
        // ip -6 addr add 2001:db8::1/64 dev eth1 proto 99
        String expected = "48000000 1400 0506 00000000 00000000"   // 72 bytes
                + "0a 40 00 00 03000000"                           // AF_INET6, /64
                + "1400 0200 20010db8000000000000000000000001"     // IFA_LOCAL
                + "1400 0100 20010db8000000000000000000000001"     // IFA_ADDRESS
                + "0500 0b00 63 000000";                           // IFA_PROTO 99, padded
        assertBytes(expected, AddressCodec.add(Address.of(ETH1, IpPrefix.parse("2001:db8::1/64")).withProtocol(99)));
    }

    @Test
    void ipv6AddressAddNodadSetsTheHeaderFlag() {
        // ip -6 addr add 2001:db8::1/64 dev eth1 nodad
        String expected = "40000000 1400 0506 00000000 00000000"   // 64 bytes
                + "0a 40 02 00 03000000"                           // AF_INET6, /64, IFA_F_NODAD
                + "1400 0200 20010db8000000000000000000000001"     // IFA_LOCAL
                + "1400 0100 20010db8000000000000000000000001";    // IFA_ADDRESS
        assertBytes(expected, AddressCodec.add(Address.of(ETH1, IpPrefix.parse("2001:db8::1/64"))
                .withFlags(org.linuxrouter.rtnetlink.wire.Ifa.F_NODAD)));
    }

    @Test
    void ipv4AddressDeleteMatchesIpAddrDel() {
        String expected = "28000000 1500 0500 00000000 00000000"   // RTM_DELADDR, REQ|ACK
                + "02 18 00 00 03000000 0800 0200 c0000201 0800 0100 c0000201";
        assertBytes(expected, AddressCodec.delete(Address.of(ETH1, IpPrefix.parse("192.0.2.1/24"))));
    }

    @Test
    void ipv4HostRouteMatchesIpRouteAddScopeLink() throws Exception {
        // ip route add 198.51.100.7/32 dev eth1 proto 250 scope link
        String expected = "2c000000 1800 0506 00000000 00000000"   // 44 bytes, RTM_NEWROUTE
                + "02 20 00 00 fe fa fd 01 00000000"               // AF_INET, /32, main, proto 250, link, unicast
                + "0800 0100 c6336407"                             // RTA_DST 198.51.100.7
                + "0800 0400 03000000";                            // RTA_OIF 3
        assertBytes(expected, RouteCodec.add(Route.hostRoute(InetAddress.getByName("198.51.100.7"), ETH1, 250)));
    }

    @Test
    void ipv6HostRouteMatchesIpRouteAdd() throws Exception {
        // ip -6 route add 2001:db8:1::7/128 dev eth1 proto 250
        String expected = "38000000 1800 0506 00000000 00000000"   // 56 bytes
                + "0a 80 00 00 fe fa 00 01 00000000"               // AF_INET6, /128, main, proto 250, universe
                + "1400 0100 20010db8000100000000000000000007"     // RTA_DST
                + "0800 0400 03000000";                            // RTA_OIF 3
        assertBytes(expected, RouteCodec.add(Route.hostRoute(InetAddress.getByName("2001:db8:1::7"), ETH1, 250)));
    }

    @Test
    void replaceAndDeleteDifferOnlyInTypeFlagsAndScope() throws Exception {
        Route route = Route.hostRoute(InetAddress.getByName("198.51.100.7"), ETH1, 250);
        assertBytes("2c000000 1800 0505 00000000 00000000 02 20 00 00 fe fa fd 01 00000000"
                + "0800 0100 c6336407 0800 0400 03000000", RouteCodec.replace(route)); // REQ|ACK|REPLACE|CREATE
        assertBytes("2c000000 1900 0500 00000000 00000000 02 20 00 00 fe fa ff 01 00000000" // RTM_DELROUTE,
                + "0800 0100 c6336407 0800 0400 03000000", RouteCodec.delete(route)); // scope NOWHERE = any
    }

    @Test
    void routeInLargeTableUsesRtaTable() throws Exception {
        Route route = Route.builder(IpPrefix.parse("10.0.0.0/8")).gateway(InetAddress.getByName("192.0.2.254"))
                .table(1000).protocol(4).build();
        assertBytes("34000000 1800 0506 00000000 00000000"
                + "02 08 00 00 00 04 00 01 00000000"               // rtm_table RT_TABLE_UNSPEC
                + "0800 0f00 e8030000"                             // RTA_TABLE 1000
                + "0800 0100 0a000000"                             // RTA_DST 10.0.0.0
                + "0800 0500 c00002fe", RouteCodec.add(route));   // RTA_GATEWAY
    }

    @Test
    void proxyNeighbourAddAndDeleteMatchIpNeighProxy() throws Exception {
        // ip neigh add proxy 198.51.100.7 dev eth1
        String body = "02 00 0000 03000000 8000 08 00"             // ndmsg: AF_INET, 3, NUD_PERMANENT, NTF_PROXY
                + "0800 0100 c6336407";                            // NDA_DST
        InetAddress vm = InetAddress.getByName("198.51.100.7");
        assertBytes("24000000 1c00 0506 00000000 00000000" + body, NeighbourCodec.addProxy(ETH1, vm));
        assertBytes("24000000 1d00 0500 00000000 00000000" + body, NeighbourCodec.deleteProxy(ETH1, vm));
    }

    @Test
    void ipv6ProxyNeighbourMatchesIpNeighProxy() throws Exception {
        // ip -6 neigh add proxy 2001:db8::7 dev eth1
        assertBytes("30000000 1c00 0506 00000000 00000000 0a 00 0000 03000000 8000 08 00"
                + "1400 0100 20010db8000000000000000000000007",
                NeighbourCodec.addProxy(ETH1, InetAddress.getByName("2001:db8::7")));
    }

    @Test
    void linkChangesNameTheLinkByIfname() {
        String header = "00 00 0000 00000000";
        assertBytes("2c000000 1000 0500 00000000 00000000" + header + "01000000 01000000" // flags IFF_UP, change
                + "0900 0300 6574 6831 00 000000", LinkCodec.setUp("eth1", true));
        assertBytes("2c000000 1000 0500 00000000 00000000" + header + "00000000 01000000"
                + "0900 0300 6574 6831 00 000000", LinkCodec.setUp("eth1", false));
        assertBytes("34000000 1000 0500 00000000 00000000" + header + "00000000 00000000"
                + "0900 0300 6574 6831 00 000000 0800 0400 78050000", LinkCodec.setMtu("eth1", 1400));
        assertBytes("34000000 1000 0500 00000000 00000000" + header + "00000000 00000000"
                + "0900 0300 6574 6831 00 000000 0700 1400 666f6f 00", LinkCodec.setAlias("eth1", "foo")); // len counts the pad
        assertBytes("2c000000 1100 0500 00000000 00000000" + header + "00000000 00000000"
                + "0900 0300 6574 6831 00 000000", LinkCodec.delete("eth1"));
    }

    @Test
    void dumpsAskForEveryFamily() {
        assertBytes("28000000 1200 0103 00000000 00000000 00 00 0000 00000000 00000000 00000000"
                + "0800 1d00 08000000", LinkCodec.dump());          // IFLA_EXT_MASK RTEXT_FILTER_SKIP_STATS
        assertBytes("1c000000 1e00 0103 00000000 00000000 00 00 0000 00000000 0000 08 00",
                NeighbourCodec.dump(true));                        // ndm_flags NTF_PROXY: the proxy table
    }

    private static void assertBytes(String expectedHex, Request request) {
        assertEquals(Hex.of(Hex.bytes(expectedHex)), Hex.of(request.message()), request.operation());
    }
}
