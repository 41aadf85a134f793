package org.linuxrouter.rtnetlink.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Decodes replies captured from a real kernel (see the comments in each resource for how). */
class MessageReaderTest {
    @Test
    void capturedLinkDumpSplitsIntoTwoMultipartLinkMessages() {
        List<NetlinkMessage> messages = MessageReader.parse(Hex.captured("link-dump.hex"));
        assertEquals(2, messages.size());
        for (NetlinkMessage m : messages) {
            assertEquals(Rtm.NEWLINK, m.type());
            assertTrue(m.header().hasFlag(Nlmsg.F_MULTI));
            assertEquals(1795609341, m.seq());
        }
        assertEquals(1468, messages.get(0).header().length());
        assertEquals(1528, messages.get(1).header().length());
    }

    @Test
    void capturedVethLinkDecodesNameIndexMtuAddressAliasAndKind() {
        NetlinkMessage eth1 = MessageReader.parse(Hex.captured("link-dump.hex")).get(1);
        IfInfoMsg info = IfInfoMsg.read(eth1);
        assertEquals(3, info.index());
        assertEquals(1, info.type()); // ARPHRD_ETHER
        assertEquals(Ifla.IFF_BROADCAST | Ifla.IFF_MULTICAST, info.flags());
        Attributes attrs = eth1.attributes(IfInfoMsg.LENGTH);
        assertEquals("eth1", attrs.string(Ifla.IFNAME).orElseThrow());
        assertEquals(1400, attrs.u32(Ifla.MTU).getAsInt());
        assertEquals("020000000001", Hex.of(attrs.bytes(Ifla.ADDRESS).orElseThrow()));
        assertEquals("linuxrouter:net-1", attrs.string(Ifla.IFALIAS).orElseThrow());
        assertEquals(5, attrs.u32(Ifla.LINK).getAsInt());
        assertEquals("veth", attrs.nested(Ifla.LINKINFO).orElseThrow().string(Ifla.INFO_KIND).orElseThrow());
    }

    @Test
    void capturedLoopbackHasNoLinkInfo() {
        NetlinkMessage lo = MessageReader.parse(Hex.captured("link-dump.hex")).get(0);
        assertEquals(Ifla.IFF_LOOPBACK, IfInfoMsg.read(lo).flags());
        Attributes attrs = lo.attributes(IfInfoMsg.LENGTH);
        assertEquals("lo", attrs.string(Ifla.IFNAME).orElseThrow());
        assertEquals(65536, attrs.u32(Ifla.MTU).getAsInt());
        assertTrue(attrs.nested(Ifla.LINKINFO).isEmpty());
    }

    @Test
    void capturedDoneEndsTheDumpWithErrorZero() {
        List<NetlinkMessage> done = MessageReader.parse(Hex.captured("link-dump-done.hex"));
        assertEquals(1, done.size());
        assertEquals(Nlmsg.DONE, done.get(0).type());
        assertEquals(0, done.get(0).payload().getInt());
    }

    @Test
    void capturedUncappedErrorYieldsErrnoEchoedRequestAndExtackText() {
        NlMsgErr err = NlMsgErr.read(MessageReader.parse(Hex.captured("error-eexist-extack.hex")).get(0));
        assertEquals(Errno.EEXIST, err.errno());
        assertEquals(Rtm.NEWADDR, err.request().type());
        assertEquals(40, err.request().length());
        assertEquals("ipv4: Address already assigned", err.extackMessage().orElseThrow());
        assertEquals("EEXIST", Errno.name(err.errno()));
        assertEquals("File exists", Errno.description(err.errno()));
    }

    @Test
    void cappedErrorWithExtackIsDecodedToo() {
        // what we get with NETLINK_CAP_ACK on: only the request header is echoed, then the TLVs
        MessageWriter out = new MessageWriter().begin(Nlmsg.ERROR, Nlmsg.F_CAPPED | Nlmsg.F_ACK_TLVS, 9)
                .u32(-Errno.ENODEV).u32(32).u16(Rtm.NEWLINK).u16(5).u32(9).u32(0)
                .attrString(Nlmsg.ERR_ATTR_MSG, "no such device").attrU32(Nlmsg.ERR_ATTR_OFFS, 20);
        NlMsgErr err = NlMsgErr.read(MessageReader.parse(out.end().toByteArray()).get(0));
        assertEquals(Errno.ENODEV, err.errno());
        assertEquals(9, err.request().seq());
        assertEquals("no such device", err.extackMessage().orElseThrow());
        assertEquals(20, err.extackOffset().getAsInt());
    }

    @Test
    void truncatedMessagesAreRejected() {
        byte[] bytes = Hex.captured("link-dump-done.hex");
        bytes[0] = 40; // claims 40 bytes, has 20
        WireFormatException e = assertThrows(WireFormatException.class, () -> MessageReader.parse(bytes));
        assertEquals("expected nlmsg_len between 16 and 20 at offset 0, got 40", e.getMessage());
    }

    @Test
    void attributeOverrunningItsMessageIsRejected() {
        byte[] bytes = Hex.bytes("ff000300 6574 6831");
        assertThrows(WireFormatException.class, () -> Attributes.parse(java.nio.ByteBuffer.wrap(bytes)));
    }
}
