package org.linuxrouter.rtnetlink.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Test helper: hex text (whitespace, '|' and '#' comments ignored) to bytes, and captured resources. */
public final class Hex {
    private Hex() {
    }

    public static byte[] bytes(String text) {
        StringBuilder digits = new StringBuilder();
        for (String line : text.split("\n")) {
            int comment = line.indexOf('#');
            String data = comment >= 0 ? line.substring(0, comment) : line;
            digits.append(data.replaceAll("[\\s|]", ""));
        }
        return HexFormat.of().parseHex(digits);
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A hex file under src/test/resources/org/linuxrouter/rtnetlink/captured/. */
    public static byte[] captured(String name) {
        String path = "/org/linuxrouter/rtnetlink/captured/" + name;
        try (InputStream in = Hex.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("expected test resource " + path + ", not found");
            }
            return bytes(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
