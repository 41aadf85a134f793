package org.linuxrouter.rtnetlink.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A parsed list of netlink attributes (struct nlattr / rtattr TLVs). Types are compared with the
 * NLA_F_NESTED and NLA_F_NET_BYTEORDER bits stripped. When a type repeats, the getters return the first.
 */
public final class Attributes {
    private static final int TYPE_MASK = 0x3FFF;
    private static final Attributes EMPTY = new Attributes(List.of());

    private final List<Entry> entries;

    private record Entry(int type, ByteBuffer value) {
    }

    private Attributes(List<Entry> entries) {
        this.entries = entries;
    }

    public static Attributes empty() {
        return EMPTY;
    }

    /** Parses TLVs from the buffer's position to its limit; the buffer itself is not changed. */
    public static Attributes parse(ByteBuffer buffer) {
        ByteBuffer in = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        List<Entry> entries = new ArrayList<>();
        while (in.remaining() >= 4) {
            int start = in.position();
            int length = Short.toUnsignedInt(in.getShort());
            int type = Short.toUnsignedInt(in.getShort()) & TYPE_MASK;
            if (length < 4 || length > in.remaining() + 4) {
                throw new WireFormatException("expected nla_len between 4 and " + (in.remaining() + 4)
                        + " at offset " + start + ", got " + length);
            }
            ByteBuffer value = in.slice().order(ByteOrder.LITTLE_ENDIAN);
            value.limit(length - 4);
            entries.add(new Entry(type, value.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN)));
            in.position(Math.min(in.limit(), start + Nlmsg.align(length)));
        }
        return new Attributes(Collections.unmodifiableList(entries));
    }

    public boolean has(int type) {
        return find(type).isPresent();
    }

    /** The raw payload of the first attribute of this type, as a fresh little-endian view. */
    public Optional<ByteBuffer> value(int type) {
        return find(type).map(e -> e.value().duplicate().order(ByteOrder.LITTLE_ENDIAN));
    }

    /** Payloads of every attribute of this type, in order (e.g. repeated multipath entries). */
    public List<ByteBuffer> values(int type) {
        List<ByteBuffer> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.type() == type) {
                out.add(e.value().duplicate().order(ByteOrder.LITTLE_ENDIAN));
            }
        }
        return out;
    }

    public OptionalInt u8(int type) {
        return fixed(type, 1).map(b -> OptionalInt.of(Byte.toUnsignedInt(b.get()))).orElse(OptionalInt.empty());
    }

    public OptionalInt u16(int type) {
        return fixed(type, 2).map(b -> OptionalInt.of(Short.toUnsignedInt(b.getShort())))
                .orElse(OptionalInt.empty());
    }

    /** A 16-bit value in network byte order (__be16). */
    public OptionalInt u16BigEndian(int type) {
        return fixed(type, 2).map(b -> OptionalInt.of(Short.toUnsignedInt(b.order(ByteOrder.BIG_ENDIAN).getShort())))
                .orElse(OptionalInt.empty());
    }

    /** A u32 (or s32); callers that need it unsigned use Integer.toUnsignedLong. */
    public OptionalInt u32(int type) {
        return fixed(type, 4).map(b -> OptionalInt.of(b.getInt())).orElse(OptionalInt.empty());
    }

    /** A string, with or without its terminating NUL (anything after the first NUL is ignored). */
    public Optional<String> string(int type) {
        return bytes(type).map(Attributes::decodeString);
    }

    public Optional<byte[]> bytes(int type) {
        return value(type).map(b -> {
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        });
    }

    /** An IPv4 (4 bytes) or IPv6 (16 bytes) address. */
    public Optional<InetAddress> address(int type) {
        return bytes(type).map(Attributes::toInetAddress);
    }

    /** The attributes inside a nested attribute. */
    public Optional<Attributes> nested(int type) {
        return value(type).map(Attributes::parse);
    }

    public int size() {
        return entries.size();
    }

    private Optional<Entry> find(int type) {
        for (Entry e : entries) {
            if (e.type() == type) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private Optional<ByteBuffer> fixed(int type, int length) {
        Optional<ByteBuffer> value = value(type);
        value.ifPresent(b -> {
            if (b.remaining() < length) {
                throw new WireFormatException("expected attribute " + type + " to hold at least " + length
                        + " bytes, got " + b.remaining());
            }
        });
        return value;
    }

    private static String decodeString(byte[] raw) {
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.UTF_8);
    }

    private static InetAddress toInetAddress(byte[] raw) {
        if (raw.length != 4 && raw.length != 16) {
            throw new WireFormatException("expected a 4- or 16-byte address, got " + raw.length + " bytes");
        }
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("getByAddress rejected a " + raw.length + "-byte address", e);
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Attributes[");
        for (Entry e : entries) {
            out.append(e.type()).append(':').append(e.value().remaining()).append("B ");
        }
        return out.toString().trim() + "]";
    }
}
