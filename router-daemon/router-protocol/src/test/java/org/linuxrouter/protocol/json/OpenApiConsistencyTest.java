package org.linuxrouter.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.linuxrouter.protocol.model.Fixtures;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.PasswordAck;

/**
 * openapi.yaml must describe exactly what the codec writes: for each schema, its property names equal
 * the keys of a fully populated encoded value. Read with a line scanner, so no YAML library is needed.
 */
class OpenApiConsistencyTest {
  private final JsonCodec codec = new JsonCodec();

  @Test
  void schemasListExactlyTheFieldsTheCodecWrites() throws IOException {
    List<String> yaml = Files.readAllLines(Path.of("openapi.yaml"), StandardCharsets.UTF_8);
    NetworkState failing = Fixtures.state().newBuilder()
        .status(Fixtures.status().newBuilder().lastError("trunk bond0 missing").build()).build();
    JsonObject state = JsonParser.parseString(codec.encode(failing)).getAsJsonObject();
    assertEquals(properties(yaml, "NetworkState"), state.keySet());
    // trunk and vxlan never meet in one spec: the schema lists the union of a full VLAN and a full VXLAN spec
    JsonObject vxlan = JsonParser.parseString(codec.encode(Fixtures.fullVxlanNetwork())).getAsJsonObject();
    Set<String> specKeys = new TreeSet<>(state.getAsJsonObject("spec").keySet());
    specKeys.addAll(vxlan.keySet());
    assertEquals(properties(yaml, "NetworkSpec"), specKeys);
    assertEquals(properties(yaml, "VxlanOptions"), vxlan.getAsJsonObject("vxlan").keySet());
    // Answers hold secrets as "...Set" flags, requests as values: the schema lists both forms.
    Set<String> nicKeys = new TreeSet<>(state.getAsJsonArray("nics").get(0).getAsJsonObject().keySet());
    nicKeys.addAll(keys(codec.encode(Fixtures.nicA().redacted())));
    assertEquals(properties(yaml, "NicSpec"), nicKeys);
    assertEquals(properties(yaml, "DhcpOption"), JsonParser.parseString(codec.encode(Fixtures.nicA()))
        .getAsJsonObject().getAsJsonArray("dhcpOptions").get(0).getAsJsonObject().keySet());
    assertEquals(properties(yaml, "NetworkStatus"), state.getAsJsonObject("status").keySet());
    assertEquals(properties(yaml, "Condition"),
        state.getAsJsonObject("status").getAsJsonArray("conditions").get(0).getAsJsonObject().keySet());
    assertEquals(properties(yaml, "RouterStatus"), keys(codec.encode(Fixtures.routerStatus())));
    assertEquals(properties(yaml, "PairState"), JsonParser.parseString(codec.encode(Fixtures.routerStatus()))
        .getAsJsonObject().getAsJsonObject("pair").keySet());
    assertEquals(properties(yaml, "PeerState"), JsonParser.parseString(codec.encode(Fixtures.routerStatus()))
        .getAsJsonObject().getAsJsonObject("pair").getAsJsonObject("peer").keySet());
    assertEquals(properties(yaml, "PasswordAck"),
        keys(codec.encode(PasswordAck.of(org.linuxrouter.protocol.model.Secret.of("pw")))));
    assertEquals(properties(yaml, "Problem"), keys(codec.encode(Fixtures.problem())));
    assertEquals(properties(yaml, "NetworkList"), keys(codec.encodeNetworkList(Arrays.asList(failing))));
    JsonObject plan = JsonParser.parseString(codec.encode(Fixtures.plan())).getAsJsonObject();
    assertEquals(properties(yaml, "Plan"), plan.keySet());
    assertEquals(properties(yaml, "PlannedStep"), plan.getAsJsonArray("steps").get(0).getAsJsonObject().keySet());
    assertEquals(properties(yaml, "PlannedStep"), plan.getAsJsonArray("steps").get(1).getAsJsonObject().keySet());
  }

  private static Set<String> keys(String json) {
    return JsonParser.parseString(json).getAsJsonObject().keySet();
  }

  /** Names directly under {@code components.schemas.<schema>.properties}. */
  private static Set<String> properties(List<String> yaml, String schema) {
    int start = yaml.indexOf("    " + schema + ":");
    int props = yaml.subList(start, yaml.size()).indexOf("      properties:") + start;
    Set<String> names = new TreeSet<>();
    for (String line : yaml.subList(props + 1, yaml.size())) {
      if (!line.startsWith("        ")) {
        break;
      }
      if (!line.startsWith("         ") && line.trim().endsWith(":")) {
        names.add(line.trim().replace(":", ""));
      }
    }
    return names;
  }
}
