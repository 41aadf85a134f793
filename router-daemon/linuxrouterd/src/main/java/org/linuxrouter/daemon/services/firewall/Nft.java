package org.linuxrouter.daemon.services.firewall;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The nft program, started with an argument vector (never a shell): loads a script file in one transaction and
 * reads the table's named counters as JSON. The script is written to a private file first, so a failed load can be
 * read afterwards ({@code nft -c -f} it) and never sits half-written.
 */
public final class Nft {

    private static final long TIMEOUT_SECONDS = 120;
    private static final int MAX_ERROR = 2000;

    private final List<String> command;
    private final Path script;

    /**
     * @param command how to start nft, e.g. {@code [nft]}; tests prefix {@code ip netns exec NS}
     * @param workDir a directory only the daemon writes, where the script file is kept
     */
    public Nft(List<String> command, Path workDir) {
        this(command, workDir, "antispoofing");
    }

    /** As above, for another table: {@code name} names the script file, so two tables never share one. */
    public Nft(List<String> command, Path workDir, String name) {
        if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("nft script name: expected [a-z][a-z0-9-]{0,31}, got " + name);
        }
        this.command = List.copyOf(command);
        this.script = workDir.resolve(name + ".nft");
    }

    /** Loads {@code text} as one transaction; throws with nft's message when it refuses. */
    public void load(String text) {
        try {
            Files.createDirectories(script.getParent());
            Path temp = Files.createTempFile(script.getParent(), script.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, script, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + script, e);
        }
        run(List.of("-f", script.toString()));
    }

    /** Deletes a table; throws when nft refuses (e.g. there is none). */
    public void delete(String family, String table) {
        run(List.of("delete", "table", family, table));
    }

    /** The table's named counters: name → packets. Empty when the table does not exist. */
    public Map<String, Long> counters(String family, String table) {
        String json;
        try {
            json = run(List.of("-j", "list", "counters", "table", family, table));
        } catch (NftException e) {
            return Map.of();
        }
        Map<String, Long> packets = new HashMap<>();
        try {
            for (JsonElement item : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("nftables")) {
                JsonObject counter = item.getAsJsonObject().getAsJsonObject("counter");
                if (counter != null) {
                    packets.put(counter.get("name").getAsString(), counter.get("packets").getAsLong());
                }
            }
        } catch (JsonParseException | IllegalStateException | NullPointerException | ClassCastException e) {
            throw new NftException("nft -j list counters: expected nft's JSON, got " + shorten(json), e);
        }
        return packets;
    }

    private String run(List<String> args) {
        List<String> argv = new ArrayList<>(command);
        argv.addAll(args);
        try {
            Path err = Files.createTempFile("nft", ".err");
            try {
                Process p = new ProcessBuilder(argv).redirectError(err.toFile()).start();
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new NftException(argv + ": did not finish within " + TIMEOUT_SECONDS + " s");
                }
                if (p.exitValue() != 0) {
                    throw new NftException(argv + ": exit " + p.exitValue() + ": "
                            + shorten(Files.readString(err, StandardCharsets.UTF_8)));
                }
                return out;
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new NftException("cannot run " + argv + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NftException("interrupted while running " + argv, e);
        }
    }

    private static String shorten(String s) {
        String t = s.strip();
        return t.length() > MAX_ERROR ? t.substring(0, MAX_ERROR) + "..." : t;
    }
}
