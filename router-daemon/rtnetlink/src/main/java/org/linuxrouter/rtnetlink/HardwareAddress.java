package org.linuxrouter.rtnetlink;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A link-layer address as the kernel reports it (IFLA_ADDRESS, NDA_LLADDR): 6 bytes for Ethernet, other
 * lengths for other link types. Immutable: the bytes are copied in and out.
 */
public record HardwareAddress(byte[] bytes) {
    public HardwareAddress {
        if (bytes.length == 0 || bytes.length > 32) {
            throw new IllegalArgumentException("expected a hardware address of 1 to 32 bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** Parses the colon form, e.g. {@code 02:00:00:00:00:01}. */
    public static HardwareAddress parse(String text) {
        String[] parts = text.split(":", -1);
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].length() != 2) {
                throw new IllegalArgumentException("expected a hardware address like 02:00:00:00:00:01, got "
                        + text);
            }
            bytes[i] = (byte) HexFormat.fromHexDigits(parts[i]);
        }
        return new HardwareAddress(bytes);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HardwareAddress && Arrays.equals(bytes, ((HardwareAddress) other).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The colon form in lower case, as iproute2 prints it. */
    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(bytes);
    }
}
