package org.linuxrouter.packaging.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linuxrouter.testkit.process.Command;
import org.linuxrouter.testkit.process.CommandResult;

class GzipMaxTest {
    private static final byte[] TEXT = ".TH LRCTL 8\n.SH NAME\nlrctl \\- drive linuxrouterd\n".repeat(50)
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void headerSaysMaximumCompressionUnixAndNoTimestamp() {
        byte[] gz = GzipMax.compress(TEXT);
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, 3}, java.util.Arrays.copyOf(gz, 10));
    }

    @Test
    void gzipReadsBackTheSameBytes() throws IOException {
        Path file = dir.resolve("page.8.gz");
        Files.write(file, GzipMax.compress(TEXT));
        CommandResult gunzip = Command.run(List.of("gzip", "-dc", file.toString())).requireSuccess();
        assertEquals(new String(TEXT, StandardCharsets.UTF_8), gunzip.stdout());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(GzipMax.compress(new byte[0])))) {
            assertEquals(0, in.readAllBytes().length, "empty input");
        }
    }

    @Test
    void compressesAsWellAsGzipNine() throws IOException {
        Path plain = dir.resolve("page.8");
        Files.write(plain, TEXT);
        int gzip = Command.run(List.of("gzip", "-9nc", plain.toString())).requireSuccess().stdout()
                .getBytes(StandardCharsets.ISO_8859_1).length;
        // within a few bytes of gzip -9n (header and deflate implementations differ slightly)
        assertEquals(gzip, GzipMax.compress(TEXT).length, 16.0);
    }
}
