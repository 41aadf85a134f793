package org.linuxrouter.rtnetlink.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The independent oracle: runs iproute2's {@code ip} (Debian package iproute2) with an argument vector, never a
 * shell, in the calling thread's network namespace, and parses {@code -j} output. Kernel tests read state back
 * through this, never through the library under test.
 */
public final class Ip {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Ip() {
    }

    /** Runs {@code ip ARGS...}; fails the test with ip's stderr if it exits non-zero. Returns stdout. */
    public static String run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("ip");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("expected " + command + " to finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("expected " + command + " to exit 0, got " + process.exitValue() + ": "
                        + new String(err, StandardCharsets.UTF_8).trim());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("running " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    /** Runs {@code ip -j ARGS...} and parses the JSON array it prints (an empty array when it prints nothing). */
    public static JsonNode json(String... args) {
        List<String> full = new ArrayList<>();
        full.add("-j");
        full.addAll(List.of(args));
        String out = run(full.toArray(String[]::new)).trim();
        try {
            return JSON.readTree(out.isEmpty() ? "[]" : out);
        } catch (IOException e) {
            throw new AssertionError("expected JSON from ip " + full + ", got: " + out, e);
        }
    }

    /** Runs many commands in one {@code ip -batch} process: thousands of links in about a second. */
    public static void batch(List<String> lines) {
        try {
            Path file = Files.createTempFile("ip-batch", ".txt");
            try {
                Files.write(file, lines, StandardCharsets.UTF_8);
                run("-batch", file.toString());
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ifindex of a link, read with {@code ip -j link show dev NAME}. */
    public static int index(String name) {
        return json("link", "show", "dev", name).get(0).get("ifindex").asInt();
    }
}
