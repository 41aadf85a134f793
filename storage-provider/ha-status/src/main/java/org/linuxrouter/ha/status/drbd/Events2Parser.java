package org.linuxrouter.ha.status.drbd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linuxrouter.ha.status.Malformed;
import org.linuxrouter.ha.status.Parsing;
import org.linuxrouter.ha.status.Reading;

/**
 * Reads {@code drbdsetup events2 --now} (DRBD 8.4 through drbd-utils 9's compatibility layer, and DRBD 9): one
 * object per line, {@code exists <type> key:value...}, ending with {@code exists -}. A missing end line means the
 * output was cut short. Unknown keys are ignored (DRBD 9 adds e.g. {@code may_promote:}); a two-peer (DRBD 9 mesh)
 * resource is read against its first connection, since a pair has one peer.
 */
public final class Events2Parser {
    private Events2Parser() {
    }

    public static Reading<DrbdStatus> parse(String text) {
        return Parsing.guard("drbdsetup events2 --now", text, () -> parseOrThrow(text));
    }

    private static DrbdStatus parseOrThrow(String text) {
        if (!text.endsWith("\n")) {
            throw new Malformed("truncated: the last line is incomplete");
        }
        Map<String, Map<String, String>> resources = new LinkedHashMap<>();
        Map<String, Map<String, String>> connections = new HashMap<>();
        List<Map<String, String>> devices = new ArrayList<>();
        Map<String, Map<String, String>> peerDevices = new HashMap<>();
        boolean ended = false;
        int n = 0;
        for (String raw : text.split("\n")) {
            n++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (ended) {
                throw new Malformed("line " + n + ": output continues after 'exists -'");
            }
            String[] tokens = line.split("\\s+");
            if (!tokens[0].equals("exists")) {
                throw new Malformed("line " + n + ": expected 'exists', got '" + tokens[0] + "' (was --now given?)");
            }
            if (tokens.length == 2 && tokens[1].equals("-")) {
                ended = true;
                continue;
            }
            if (tokens.length < 3) {
                throw new Malformed("line " + n + ": object without fields");
            }
            Map<String, String> f = fields(tokens, n);
            String name = required(f, "name", n);
            switch (tokens[1]) {
                case "resource":
                    resources.put(name, f);
                    break;
                case "connection":
                    connections.putIfAbsent(name, f);
                    break;
                case "device":
                    devices.add(f);
                    break;
                case "peer-device":
                    peerDevices.putIfAbsent(name + "/" + required(f, "volume", n) + "/" + f.getOrDefault("peer-node-id", ""), f);
                    break;
                default:
                    break; // e.g. "path" objects (DRBD 9): not needed for the pair's state
            }
        }
        if (!ended) {
            throw new Malformed("truncated: no closing 'exists -' line");
        }
        List<DrbdVolume> volumes = new ArrayList<>();
        for (Map<String, String> d : devices) {
            volumes.add(volume(d, resources, connections, peerDevices));
        }
        return new DrbdStatus(DrbdStatus.Source.EVENTS2, Optional.empty(), volumes);
    }

    private static DrbdVolume volume(Map<String, String> d, Map<String, Map<String, String>> resources,
            Map<String, Map<String, String>> connections, Map<String, Map<String, String>> peerDevices) {
        String name = d.get("name");
        Map<String, String> res = resources.get(name);
        if (res == null) {
            throw new Malformed("device of resource " + name + " without its resource line");
        }
        String volume = d.getOrDefault("volume", "0");
        DrbdVolume.Builder b = DrbdVolume.newBuilder().resource(name).volume(Integer.parseInt(volume))
                .role(Vocabulary.role("role", required(res, "role", 0)))
                .disk(Vocabulary.disk("disk", required(d, "disk", 0)))
                .ioSuspended(!res.getOrDefault("suspended", "no").equals("no"));
        if (d.containsKey("minor")) {
            b.minor(Integer.parseInt(d.get("minor")));
        }
        Map<String, String> conn = connections.get(name);
        if (conn == null) {
            // no connection object: the peer was deleted (drbdsetup del-peer / down on 9); nothing replicates
            return b.connection(ConnectionState.STAND_ALONE).build();
        }
        b.connection(Vocabulary.connection("connection", required(conn, "connection", 0)))
                .peerRole(Vocabulary.role("peer role", conn.getOrDefault("role", "Unknown")));
        Map<String, String> pd = peerDevices.get(name + "/" + volume + "/" + conn.getOrDefault("peer-node-id", ""));
        if (pd != null) {
            b.replication(Vocabulary.replication("replication", required(pd, "replication", 0)))
                    .peerDisk(Vocabulary.disk("peer-disk", required(pd, "peer-disk", 0)));
            if (pd.containsKey("done")) {
                b.sync(new SyncProgress(Double.parseDouble(pd.get("done")), Optional.<Duration>empty()));
            }
        }
        return b.build();
    }

    private static Map<String, String> fields(String[] tokens, int line) {
        Map<String, String> f = new HashMap<>();
        for (int i = 2; i < tokens.length; i++) {
            int colon = tokens[i].indexOf(':');
            if (colon <= 0) {
                throw new Malformed("line " + line + ": '" + tokens[i] + "' is not key:value");
            }
            f.put(tokens[i].substring(0, colon), tokens[i].substring(colon + 1));
        }
        return f;
    }

    private static String required(Map<String, String> f, String key, int line) {
        String v = f.get(key);
        if (v == null || v.isEmpty()) {
            throw new Malformed((line > 0 ? "line " + line + ": " : "") + "missing " + key + ":");
        }
        return v;
    }
}
