package org.linuxrouter.rtnetlink.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageWriterTest {
    @Test
    void headerLengthIsPatchedAndMessagePaddedToFourBytes() {
        byte[] bytes = new MessageWriter().begin(Rtm.GETLINK, Nlmsg.F_REQUEST, 7).u8(0xAB).end().toByteArray();
        // 16-byte header + 1 byte, padded to 20; nlmsg_len counts the unpadded 17
        assertEquals("11000000" + "1200" + "0100" + "07000000" + "00000000" + "ab000000", Hex.of(bytes));
    }

    @Test
    void attributesArePaddedButTheirLengthIsNot() {
        byte[] bytes = new MessageWriter().begin(1, 0, 0).attrString(Ifla.IFNAME, "eth1").attrU8(Ifla.OPERSTATE, 6)
                .attrU16BigEndian(Ifla.VLAN_PROTOCOL, 0x8100).end().toByteArray();
        assertEquals("09000300" + "6574683100000000" + "05001000" + "06000000" + "06000500" + "81000000",
                Hex.of(bytes).substring(32));
    }

    @Test
    void nestedAttributeLengthCoversItsChildrenAndKeepsTheNestedFlag() {
        byte[] bytes = new MessageWriter().begin(1, 0, 0).beginNested(Ifla.AF_SPEC | MessageWriter.NLA_F_NESTED)
                .attrU32(1, 0x01020304).beginNested(2).attrU16(3, 5).endNested().endNested().end().toByteArray();
        assertEquals("18001a80" + "0800010004030201" + "0c000200" + "0600030005000000", Hex.of(bytes).substring(32));
        Attributes outer = MessageReader.parse(bytes).get(0).attributes(0);
        Attributes inner = outer.nested(Ifla.AF_SPEC).orElseThrow();
        assertEquals(0x01020304, inner.u32(1).getAsInt());
        assertEquals(5, inner.nested(2).orElseThrow().u16(3).getAsInt());
    }

    @Test
    void severalMessagesSitBackToBackAndReadBackInOrder() {
        MessageWriter out = new MessageWriter(16);
        for (int seq = 1; seq <= 50; seq++) {
            out.begin(Rtm.NEWADDR, Nlmsg.F_REQUEST, seq);
            new IfAddrMsg(AddressFamily.INET, 24, 0, 0, 3).write(out);
            out.attrBytes(Ifa.LOCAL, new byte[] {10, 0, 0, (byte) seq}).end();
        }
        List<NetlinkMessage> messages = MessageReader.parse(out.toByteArray());
        assertEquals(50, messages.size());
        assertEquals(50, messages.get(49).seq());
        assertEquals("10.0.0.50", messages.get(49).attributes(IfAddrMsg.LENGTH).address(Ifa.LOCAL).orElseThrow()
                .getHostAddress());
    }

    @Test
    void misuseIsRejectedWithAClearMessage() {
        MessageWriter out = new MessageWriter().begin(1, 0, 0).beginNested(1);
        IllegalStateException open = assertThrows(IllegalStateException.class, out::end);
        assertEquals("expected all nested attributes closed, 1 open", open.getMessage());
        assertThrows(IllegalStateException.class, () -> new MessageWriter().end());
    }

    @Test
    void ipv6AddressesAreWrittenInNetworkOrder() throws Exception {
        byte[] bytes = new MessageWriter().begin(1, 0, 0)
                .attrBytes(Rta.DST, InetAddress.getByName("2001:db8::7").getAddress()).end().toByteArray();
        assertEquals("14000100" + "20010db8000000000000000000000007", Hex.of(bytes).substring(32));
    }
}
