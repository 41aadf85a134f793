package org.linuxrouter.packaging.build;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * What {@code gzip -9n} makes: best compression, no name and no timestamp in the header. The JDK's
 * GZIPOutputStream writes neither the "maximum compression" flag nor the Unix OS byte, and lintian tells
 * gzip -9 files apart by that flag (changelog-not-compressed-with-max-compression), so the header is written
 * here; the body is the JDK's deflate.
 */
public final class GzipMax {
    /** magic, deflate, no flags, mtime 0, XFL 2 (slowest, best compression), OS 3 (Unix): RFC 1952 */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, 3};

    private GzipMax() {
    }

    public static byte[] compress(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 2 + 64);
        out.writeBytes(HEADER);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(content);
            deflater.finish();
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
        } finally {
            deflater.end();
        }
        CRC32 crc = new CRC32();
        crc.update(content);
        ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        trailer.putInt((int) crc.getValue()).putInt(content.length);
        out.writeBytes(trailer.array());
        return out.toByteArray();
    }
}
