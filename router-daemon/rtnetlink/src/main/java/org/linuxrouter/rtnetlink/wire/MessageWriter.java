package org.linuxrouter.rtnetlink.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Writes netlink messages: a header, a fixed kernel struct, then TLV attributes, possibly nested. Multi-byte
 * values are in host order (little-endian on every platform this library targets) unless a method says
 * big-endian. Every message and attribute is padded to 4 bytes, and lengths are patched in when they end.
 *
 * <p>One writer can hold several messages back to back, which is how a batch goes out in one sendto.
 * Not thread-safe.
 */
public final class MessageWriter {
    /** nla_type bit marking an attribute whose payload is itself a list of attributes. */
    public static final int NLA_F_NESTED = 0x8000;
    private static final int ATTR_HEADER_LENGTH = 4;

    private ByteBuffer buffer;
    private int messageStart = -1;
    private final Deque<Integer> nestStarts = new ArrayDeque<>();

    public MessageWriter() {
        this(256);
    }

    public MessageWriter(int initialCapacity) {
        buffer = ByteBuffer.allocate(Math.max(initialCapacity, 64)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Starts a message: writes an nlmsghdr whose length is filled in by {@link #end()}; pid is 0 (the kernel). */
    public MessageWriter begin(int type, int flags, int seq) {
        if (messageStart >= 0) {
            throw new IllegalStateException("expected the previous message to be ended before a new one begins");
        }
        messageStart = buffer.position();
        return u32(0).u16(type).u16(flags).u32(seq).u32(0);
    }

    /** Ends the current message: checks every nest is closed, patches nlmsg_len and pads to 4 bytes. */
    public MessageWriter end() {
        if (messageStart < 0) {
            throw new IllegalStateException("expected a message to be begun before end()");
        }
        if (!nestStarts.isEmpty()) {
            throw new IllegalStateException("expected all nested attributes closed, " + nestStarts.size() + " open");
        }
        buffer.putInt(messageStart, buffer.position() - messageStart);
        pad();
        messageStart = -1;
        return this;
    }

    public MessageWriter u8(int value) {
        ensure(1).put((byte) value);
        return this;
    }

    public MessageWriter u16(int value) {
        ensure(2).putShort((short) value);
        return this;
    }

    public MessageWriter u32(int value) {
        ensure(4).putInt(value);
        return this;
    }

    public MessageWriter bytes(byte[] value) {
        ensure(value.length).put(value);
        return this;
    }

    /** Zero bytes up to the next 4-byte boundary. */
    public MessageWriter pad() {
        int padding = Nlmsg.align(buffer.position()) - buffer.position();
        ensure(padding).put(new byte[padding]);
        return this;
    }

    public MessageWriter attrU8(int type, int value) {
        return attrHeader(type, 1).u8(value).pad();
    }

    public MessageWriter attrU16(int type, int value) {
        return attrHeader(type, 2).u16(value).pad();
    }

    /** A 16-bit value in network byte order, e.g. an ethertype (__be16). */
    public MessageWriter attrU16BigEndian(int type, int value) {
        attrHeader(type, 2);
        ensure(2).put((byte) (value >>> 8)).put((byte) value);
        return pad();
    }

    public MessageWriter attrU32(int type, int value) {
        return attrHeader(type, 4).u32(value).pad();
    }

    public MessageWriter attrBytes(int type, byte[] value) {
        return attrHeader(type, value.length).bytes(value).pad();
    }

    /** A NUL-terminated string (NLA_NUL_STRING style), as iproute2 sends interface names. */
    public MessageWriter attrString(int type, String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        return attrHeader(type, text.length + 1).bytes(text).u8(0).pad();
    }

    /** A string without the NUL (NLA_STRING style), as iproute2 sends link kinds and aliases. */
    public MessageWriter attrStringNoNul(int type, String value) {
        return attrBytes(type, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Opens a nested attribute; close it with {@link #endNested()}. The type is written as given: OR in
     * {@link #NLA_F_NESTED} where the kernel wants it. iproute2 sends the old link attributes (IFLA_LINKINFO,
     * IFLA_INFO_DATA, VETH_INFO_PEER) without the flag, and the kernel accepts them either way.
     */
    public MessageWriter beginNested(int type) {
        nestStarts.push(buffer.position());
        return u16(0).u16(type);
    }

    public MessageWriter endNested() {
        if (nestStarts.isEmpty()) {
            throw new IllegalStateException("expected an open nested attribute before endNested()");
        }
        int start = nestStarts.pop();
        buffer.putShort(start, (short) (buffer.position() - start));
        return this;
    }

    /** Bytes written so far, all messages included. */
    public int size() {
        return buffer.position();
    }

    /** A copy of everything written; every message must have been ended. */
    public byte[] toByteArray() {
        if (messageStart >= 0) {
            throw new IllegalStateException("expected the current message to be ended before reading the bytes");
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private MessageWriter attrHeader(int type, int payloadLength) {
        int length = ATTR_HEADER_LENGTH + payloadLength;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("expected an attribute of at most 65535 bytes, got " + length);
        }
        return u16(length).u16(type);
    }

    private ByteBuffer ensure(int more) {
        if (buffer.remaining() < more) {
            int capacity = Math.max(buffer.capacity() * 2, buffer.position() + more);
            ByteBuffer bigger = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
            buffer.flip();
            bigger.put(buffer);
            buffer = bigger;
        }
        return buffer;
    }
}
