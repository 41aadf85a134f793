package org.linuxrouter.ha.status.node;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linuxrouter.ha.status.Malformed;
import org.linuxrouter.ha.status.Parsing;
import org.linuxrouter.ha.status.Reading;

/** Reads {@code findmnt -J} (util-linux): a tree {@code filesystems[]} with nested {@code children[]}, flattened. */
public final class FindmntParser {
    private static final int MAX_DEPTH = 64;

    private FindmntParser() {
    }

    public static Reading<List<Mount>> parse(String json) {
        return Parsing.guard("findmnt -J", json, () -> {
            JsonElement root = JsonParser.parseString(json);
            if (!root.isJsonObject() || !root.getAsJsonObject().has("filesystems")) {
                throw new Malformed("expected an object with 'filesystems'");
            }
            List<Mount> out = new ArrayList<>();
            walk(root.getAsJsonObject().getAsJsonArray("filesystems"), 0, out);
            return out;
        });
    }

    private static void walk(Iterable<JsonElement> level, int depth, List<Mount> out) {
        if (depth > MAX_DEPTH) {
            throw new Malformed("mount tree deeper than " + MAX_DEPTH);
        }
        for (JsonElement e : level) {
            JsonObject fs = e.getAsJsonObject();
            out.add(new Mount(text(fs, "target"), text(fs, "source"), text(fs, "fstype"),
                    Mount.splitOptions(fs.has("options") ? fs.get("options").getAsString() : "")));
            if (fs.has("children")) {
                walk(fs.getAsJsonArray("children"), depth + 1, out);
            }
        }
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new Malformed("filesystem without '" + key + "'");
        }
        return e.getAsString();
    }

    /** The filesystem mounted at {@code target}, the last one if stacked (the one processes see). */
    public static Optional<Mount> at(List<Mount> mounts, String target) {
        Mount found = null;
        for (Mount m : mounts) {
            if (m.target().equals(target)) {
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }
}
