package org.linuxrouter.rtnetlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.linuxrouter.rtnetlink.wire.Hex;
import org.linuxrouter.rtnetlink.wire.MessageReader;
import org.linuxrouter.rtnetlink.wire.NetlinkMessage;

/** Kernel replies captured with strace, decoded into the public records. No root needed. */
class DecodeCapturedTest {
    private final List<NetlinkMessage> dump = MessageReader.parse(Hex.captured("link-dump.hex"));

    @Test
    void vethFromCapturedDumpBecomesALinkRecord() {
        Link eth1 = LinkCodec.decode(dump.get(1));
        assertEquals(new Link(3, "eth1", new LinkKind.Veth(), 0x1002, 1400,
                Optional.of(HardwareAddress.parse("02:00:00:00:00:01")), Optional.of("linuxrouter:net-1"),
                OptionalInt.empty()), eth1);
        assertFalse(eth1.isUp());
    }

    @Test
    void loopbackHasNoKindName() {
        Link lo = LinkCodec.decode(dump.get(0));
        assertEquals("lo", lo.name());
        assertEquals(new LinkKind.Other(""), lo.kind());
        assertEquals("00:00:00:00:00:00", lo.address().orElseThrow().toString());
    }

    @Test
    void dumpMessagesAlsoDecodeAsLinkEvents() {
        RtnlEvent event = RtnlEvents.decode(dump.get(1)).orElseThrow();
        assertTrue(event instanceof RtnlEvent.LinkEvent);
        assertEquals(RtnlEvent.Action.NEW, event.action());
        assertEquals("eth1", ((RtnlEvent.LinkEvent) event).link().name());
    }

    @Test
    void vlanLinkInfoDecodesParentIdAndProtocol() {
        // an RTM_NEWLINK as the kernel sends for a VLAN: our create request has the same attributes
        Request create = LinkCodec.create("eth1.100", new LinkKind.Vlan(3, 100, VlanProtocol.IEEE_802_1AD));
        Link decoded = LinkCodec.decode(MessageReader.parse(create.message()).get(0));
        assertEquals(new LinkKind.Vlan(3, 100, VlanProtocol.IEEE_802_1AD), decoded.kind());
    }
}
