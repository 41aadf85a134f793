package org.linuxrouter.ha.status.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.linuxrouter.ha.status.Malformed;
import org.linuxrouter.ha.status.Parsing;
import org.linuxrouter.ha.status.Reading;

/**
 * The agent's JSON: {@code {"node","role","sources":{name:{"output","exit"}|{"error"}},"capacity":{...},"ports":[...]}}.
 * Decoding is strict (unknown top-level keys, wrong types, bad names refused) and never throws: a bad answer is
 * an unknown reading naming the problem.
 */
public final class AgentReportCodec {
    private AgentReportCodec() {
    }

    public static String encode(AgentReport report) {
        JsonObject root = new JsonObject();
        root.addProperty("node", report.node());
        root.addProperty("role", report.role().name().toLowerCase(Locale.ROOT));
        JsonObject sources = new JsonObject();
        for (Map.Entry<String, RawOutput> e : report.sources().entrySet()) {
            JsonObject s = new JsonObject();
            if (e.getValue().error().isPresent()) {
                s.addProperty("error", e.getValue().error().get());
            } else {
                s.addProperty("output", e.getValue().text().orElseThrow());
                s.addProperty("exit", e.getValue().exitStatus());
            }
            sources.add(e.getKey(), s);
        }
        root.add("sources", sources);
        report.capacity().ifPresent(c -> {
            JsonObject cap = new JsonObject();
            cap.addProperty("mount_point", c.mountPoint());
            cap.addProperty("total_bytes", c.totalBytes());
            cap.addProperty("used_bytes", c.usedBytes());
            root.add("capacity", cap);
        });
        JsonArray ports = new JsonArray();
        for (PortCheck p : report.ports()) {
            JsonObject o = new JsonObject();
            o.addProperty("host", p.host());
            o.addProperty("port", p.port());
            o.addProperty("open", p.open());
            ports.add(o);
        }
        root.add("ports", ports);
        return root.toString();
    }

    public static Reading<AgentReport> decode(String json) {
        return Parsing.guard("agent report", json, () -> decodeOrThrow(json));
    }

    private static AgentReport decodeOrThrow(String json) {
        JsonElement parsed = JsonParser.parseString(json);
        if (!parsed.isJsonObject()) {
            throw new Malformed("expected a JSON object");
        }
        JsonObject root = parsed.getAsJsonObject();
        for (String key : root.keySet()) {
            if (!List.of("node", "role", "sources", "capacity", "ports").contains(key)) {
                throw new Malformed("unknown field '" + key + "'");
            }
        }
        AgentReport.Role role;
        try {
            role = AgentReport.Role.valueOf(string(root, "role").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Malformed("role must be storage or management");
        }
        Map<String, RawOutput> sources = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : object(root, "sources").entrySet()) {
            JsonObject s = e.getValue().getAsJsonObject();
            sources.put(e.getKey(), s.has("error") ? RawOutput.failed(string(s, "error"))
                    : RawOutput.of(string(s, "output"), s.get("exit").getAsInt()));
        }
        Optional<Capacity> capacity = Optional.empty();
        if (root.has("capacity")) {
            JsonObject c = object(root, "capacity");
            capacity = Optional.of(new Capacity(string(c, "mount_point"), c.get("total_bytes").getAsLong(),
                    c.get("used_bytes").getAsLong()));
        }
        List<PortCheck> ports = new ArrayList<>();
        if (root.has("ports")) {
            for (JsonElement p : root.getAsJsonArray("ports")) {
                JsonObject o = p.getAsJsonObject();
                ports.add(new PortCheck(string(o, "host"), o.get("port").getAsInt(), o.get("open").getAsBoolean()));
            }
        }
        return new AgentReport(string(root, "node"), role, sources, capacity, ports);
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonObject()) {
            throw new Malformed("'" + key + "' must be an object");
        }
        return e.getAsJsonObject();
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new Malformed("'" + key + "' must be a string");
        }
        return e.getAsString();
    }
}
