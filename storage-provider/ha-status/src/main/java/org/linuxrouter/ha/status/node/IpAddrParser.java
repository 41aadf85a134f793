package org.linuxrouter.ha.status.node;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linuxrouter.ha.status.Malformed;
import org.linuxrouter.ha.status.Parsing;
import org.linuxrouter.ha.status.Reading;

/** Reads {@code ip -j addr} (iproute2's JSON: an array of links, each with {@code addr_info[]}). */
public final class IpAddrParser {
    private IpAddrParser() {
    }

    public static Reading<List<InterfaceAddress>> parse(String json) {
        return Parsing.guard("ip -j addr", json, () -> {
            JsonElement root = JsonParser.parseString(json);
            if (!root.isJsonArray()) {
                throw new Malformed("expected a JSON array of links");
            }
            List<InterfaceAddress> out = new ArrayList<>();
            for (JsonElement l : root.getAsJsonArray()) {
                if (!l.isJsonObject() || !l.getAsJsonObject().has("ifname")) {
                    throw new Malformed("link without ifname");
                }
                JsonObject link = l.getAsJsonObject();
                if (!link.has("addr_info")) {
                    continue;
                }
                for (JsonElement a : link.getAsJsonArray("addr_info")) {
                    JsonObject ai = a.getAsJsonObject();
                    if (!ai.has("local")) {
                        continue; // {} entries appear for links whose addresses were filtered out
                    }
                    out.add(new InterfaceAddress(link.get("ifname").getAsString(), ai.get("local").getAsString(),
                            ai.get("prefixlen").getAsInt()));
                }
            }
            return out;
        });
    }

    /** The interface holding {@code address} (compared as addresses: "2001:db8::1" equals "2001:db8:0::1"). */
    public static Optional<InterfaceAddress> holder(List<InterfaceAddress> addresses, String address) {
        byte[] wanted = literal(address);
        for (InterfaceAddress a : addresses) {
            byte[] have = literal(a.address());
            if (have != null && java.util.Arrays.equals(have, wanted)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    private static byte[] literal(String text) {
        // only numeric literals: never a DNS lookup
        if (text == null || !text.matches("[0-9A-Fa-f.:]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }
}
