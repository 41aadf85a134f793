package org.linuxrouter.ha.status.drbd;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linuxrouter.ha.status.Malformed;
import org.linuxrouter.ha.status.Parsing;
import org.linuxrouter.ha.status.Reading;

/**
 * Reads {@code drbdsetup status --json} (DRBD 9 only; drbd-utils user/v9/drbdsetup.c): an array of resources with
 * {@code devices[]} and {@code connections[]}, whose items carry {@code peer_devices[]} (underscore). On the 8.4
 * module the command fails with "unrecognized option '--json'": that text is reported as such.
 */
public final class StatusJsonParser {
    private StatusJsonParser() {
    }

    public static Reading<DrbdStatus> parse(String text) {
        return Parsing.guard("drbdsetup status --json", text, () -> parseOrThrow(text));
    }

    private static DrbdStatus parseOrThrow(String text) {
        if (text.contains("unrecognized option '--json'")) {
            throw new Malformed("not supported by the loaded DRBD module (8.4); read /proc/drbd or events2 --now");
        }
        JsonElement root = JsonParser.parseString(text);
        if (!root.isJsonArray()) {
            throw new Malformed("expected a JSON array of resources");
        }
        List<DrbdVolume> volumes = new ArrayList<>();
        for (JsonElement r : root.getAsJsonArray()) {
            JsonObject res = object(r, "resource");
            String name = string(res, "name");
            DrbdRole role = Vocabulary.role("role", string(res, "role"));
            boolean suspended = res.has("suspended") && res.get("suspended").getAsBoolean();
            JsonObject conn = firstConnection(res);
            for (JsonElement d : array(res, "devices")) {
                JsonObject dev = object(d, "device");
                int volume = dev.get("volume").getAsInt();
                DrbdVolume.Builder b = DrbdVolume.newBuilder().resource(name).volume(volume)
                        .minor(dev.get("minor").getAsInt()).role(role).ioSuspended(suspended)
                        .disk(Vocabulary.disk("disk-state", string(dev, "disk-state")));
                if (conn != null) {
                    peer(conn, volume, b);
                }
                volumes.add(b.build());
            }
        }
        return new DrbdStatus(DrbdStatus.Source.STATUS_JSON, Optional.empty(), volumes);
    }

    private static void peer(JsonObject conn, int volume, DrbdVolume.Builder b) {
        b.connection(Vocabulary.connection("connection-state", string(conn, "connection-state")))
                .peerRole(Vocabulary.role("peer-role", string(conn, "peer-role")));
        if (!conn.has("peer_devices")) {
            return;
        }
        for (JsonElement p : array(conn, "peer_devices")) {
            JsonObject pd = object(p, "peer device");
            if (pd.get("volume").getAsInt() != volume) {
                continue;
            }
            ReplicationState repl = Vocabulary.replication("replication-state", string(pd, "replication-state"));
            b.replication(repl).peerDisk(Vocabulary.disk("peer-disk-state", string(pd, "peer-disk-state")));
            if (pd.has("out-of-sync")) {
                b.outOfSyncKib(pd.get("out-of-sync").getAsLong());
            }
            if (repl.resyncing()) {
                double pct = pd.has("percent-resync-done") ? pd.get("percent-resync-done").getAsDouble()
                        : pd.has("percent-in-sync") ? pd.get("percent-in-sync").getAsDouble() : 0;
                Optional<Duration> eta = pd.has("estimated-seconds-to-finish")
                        ? Optional.of(Duration.ofSeconds(pd.get("estimated-seconds-to-finish").getAsLong()))
                        : Optional.empty();
                b.sync(new SyncProgress(pct, eta));
            }
        }
    }

    private static JsonObject firstConnection(JsonObject res) {
        if (!res.has("connections")) {
            return null;
        }
        JsonArray conns = array(res, "connections");
        return conns.size() == 0 ? null : object(conns.get(0), "connection");
    }

    private static JsonObject object(JsonElement e, String what) {
        if (!e.isJsonObject()) {
            throw new Malformed(what + " is not a JSON object");
        }
        return e.getAsJsonObject();
    }

    private static JsonArray array(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonArray()) {
            throw new Malformed("missing array '" + key + "'");
        }
        return e.getAsJsonArray();
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) {
            throw new Malformed("missing '" + key + "'");
        }
        return e.getAsString();
    }
}
