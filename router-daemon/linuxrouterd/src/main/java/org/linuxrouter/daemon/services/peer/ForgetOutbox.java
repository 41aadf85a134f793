package org.linuxrouter.daemon.services.peer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linuxrouter.daemon.store.AtomicFile;
import org.linuxrouter.protocol.model.PasswordAck;
import org.linuxrouter.protocol.model.Uuid;

/**
 * Password acknowledgements waiting for the peer, in {@code peer-outbox.json} in the state directory (mode 0600,
 * replaced atomically on every change), so neither a crash of this daemon nor a peer that is down for hours loses
 * one. Oldest first, one entry per NIC. Holds SHA-256 digests only, never a password. Bounded: past
 * {@link #MAX_ENTRIES} the oldest is dropped with a warning (the peer then keeps that password until CloudStack sets
 * a new one: the plugin's resync carries only passwords a member missed, so it is no backstop here).
 * Thread-safe.
 */
public final class ForgetOutbox {

    public static final String FILE_NAME = "peer-outbox.json";
    static final int MAX_ENTRIES = 100_000;
    private static final Logger LOG = System.getLogger(ForgetOutbox.class.getName());

    private final AtomicFile file;
    private final Map<String, PendingForget> pending = new LinkedHashMap<>(); // guarded by this, insertion order

    /** Opens the outbox in {@code stateDir}, with what a previous run left in it. */
    public ForgetOutbox(Path stateDir) {
        this.file = new AtomicFile(stateDir.resolve(FILE_NAME), PosixFilePermissions.fromString("rw-------"));
        load().forEach(p -> pending.put(p.key(), p));
    }

    /** Adds (or replaces the NIC's older) entry and persists before returning. */
    public synchronized void add(PendingForget forget) {
        pending.remove(forget.key()); // re-inserted last: it is the newest now
        pending.put(forget.key(), forget);
        if (pending.size() > MAX_ENTRIES) {
            PendingForget oldest = pending.values().iterator().next();
            pending.remove(oldest.key());
            LOG.log(Level.WARNING, "peer outbox full: dropped the acknowledgement of nic {0} from {1}",
                    oldest.nic(), oldest.since());
        }
        save();
    }

    /** The oldest entry, if any. */
    public synchronized Optional<PendingForget> oldest() {
        return pending.values().stream().findFirst();
    }

    /** Removes {@code delivered} unless a newer acknowledgement for its NIC replaced it meanwhile. */
    public synchronized void remove(PendingForget delivered) {
        if (delivered.equals(pending.get(delivered.key()))) {
            pending.remove(delivered.key());
            save();
        }
    }

    public synchronized int size() {
        return pending.size();
    }

    public synchronized List<PendingForget> entries() {
        return List.copyOf(pending.values());
    }

    public Path path() {
        return file.path();
    }

    private void save() {
        StringWriter text = new StringWriter();
        try (JsonWriter out = new JsonWriter(text)) {
            out.beginObject().name("version").value(1).name("forgets").beginArray();
            for (PendingForget p : pending.values()) {
                out.beginObject().name("network").value(p.network().value()).name("nic").value(p.nic().value())
                        .name("sha256").value(p.ack().sha256()).name("since").value(p.since().toString())
                        .endObject();
            }
            out.endArray().endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.createDirectories(file.path().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("peer outbox: cannot create " + file.path().getParent(), e);
        }
        file.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What the file holds. A file that cannot be read is moved aside (named in the log) rather than stopping the
     * daemon: losing queued acknowledgements leaves those passwords on the peer (until CloudStack sets new ones),
     * while a router that does not start stops every network.
     */
    private List<PendingForget> load() {
        Optional<byte[]> bytes = file.read();
        List<PendingForget> out = new ArrayList<>();
        if (bytes.isEmpty()) {
            return out;
        }
        try {
            JsonObject root = JsonParser.parseString(new String(bytes.get(), StandardCharsets.UTF_8)).getAsJsonObject();
            if (root.get("version").getAsInt() != 1) {
                throw new IllegalArgumentException("expected version 1, got " + root.get("version"));
            }
            for (JsonElement e : root.getAsJsonArray("forgets")) {
                JsonObject o = e.getAsJsonObject();
                out.add(new PendingForget(Uuid.parse("network", o.get("network").getAsString()),
                        Uuid.parse("nic", o.get("nic").getAsString()),
                        PasswordAck.parse("sha256", o.get("sha256").getAsString()),
                        Instant.parse(o.get("since").getAsString())));
            }
            return out;
        } catch (RuntimeException e) {
            Path aside = file.path().resolveSibling(FILE_NAME + ".unreadable");
            LOG.log(Level.ERROR, "peer outbox {0} unreadable ({1}); moved to {2}, starting empty", file.path(),
                    e.getMessage(), aside);
            try {
                Files.move(file.path(), aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                throw new UncheckedIOException("peer outbox: cannot move the unreadable " + file.path() + " aside",
                        moveFailed);
            }
            return List.of();
        }
    }
}
