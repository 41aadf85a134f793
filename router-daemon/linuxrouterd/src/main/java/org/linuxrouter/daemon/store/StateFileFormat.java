package org.linuxrouter.daemon.store;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.PasswordAck;
import org.linuxrouter.protocol.model.Uuid;
import org.linuxrouter.protocol.model.ValidationException;

/**
 * The {@code state.json} layout. Specs and NICs are written by the protocol's {@link JsonCodec}, so the file
 * holds exactly what the REST API accepts and is validated by the same rules when read back:
 * <pre>
 * {"schemaVersion": 2, "revision": 7,
 *  "networks": [{"revision": 5, "spec": {...NetworkSpec...}, "nics": [{...NicSpec...}]}],
 *  "consumedPasswords": [{"nic": "...", "network": "...", "sha256": "...", "revision": 6}]}
 * </pre>
 * Version 2 added {@code consumedPasswords} (the NICs' password tombstones); a version 1 file has none and is read
 * as such. A daemon that knows only version 1 refuses a version 2 file rather than drop the tombstones.
 */
final class StateFileFormat {
  static final int SCHEMA_VERSION = 2;
  private static final Set<String> TOP_V1 = Set.of("schemaVersion", "revision", "networks");
  private static final Set<String> TOP = Set.of("schemaVersion", "revision", "networks", "consumedPasswords");
  private static final Set<String> CONSUMED = Set.of("nic", "network", "sha256", "revision");
  private static final Set<String> NETWORK = Set.of("revision", "spec", "nics");

  /** The file was written by a daemon that knows a newer layout; reading on would lose what it added. */
  static final class NewerSchemaException extends RuntimeException {
    final long version;

    NewerSchemaException(long version) {
      super("schema version " + version);
      this.version = version;
    }
  }

  private final JsonCodec codec = new JsonCodec();

  String encode(DesiredState state) {
    StringWriter text = new StringWriter();
    try (JsonWriter out = new JsonWriter(text)) {
      out.setIndent("  ");
      out.setHtmlSafe(false);
      out.beginObject().name("schemaVersion").value(SCHEMA_VERSION).name("revision").value(state.revision());
      out.name("networks").beginArray();
      for (NetworkRecord network : state.networks().values()) {
        out.beginObject().name("revision").value(network.revision());
        out.name("spec").jsonValue(codec.encode(network.spec()));
        out.name("nics").beginArray();
        for (NicSpec nic : network.nics().values()) {
          out.jsonValue(codec.encode(nic));
        }
        out.endArray().endObject();
      }
      out.endArray();
      out.name("consumedPasswords").beginArray();
      for (Map.Entry<Uuid, ConsumedPassword> entry : state.consumed().entrySet()) {
        ConsumedPassword c = entry.getValue();
        out.beginObject().name("nic").value(entry.getKey().value()).name("network").value(c.network().value())
            .name("sha256").value(c.ack().sha256()).name("revision").value(c.revision()).endObject();
      }
      out.endArray().endObject();
    } catch (IOException e) {
      throw new UncheckedIOException("state file: expected to write to memory, got an i/o error", e);
    }
    return text.append('\n').toString();
  }

  /**
   * Parses a state file.
   *
   * @throws NewerSchemaException if its schema version is newer than {@link #SCHEMA_VERSION}
   * @throws IllegalArgumentException naming the JSON path of anything else that is wrong
   */
  DesiredState decode(String json) {
    Map<String, String> top = RawJson.members(json, "state");
    String version = top.get("schemaVersion");
    if (version == null) {
      throw new IllegalArgumentException("state.schemaVersion: expected " + SCHEMA_VERSION + ", got none");
    }
    long schema = RawJson.wholeNumber(version, "state.schemaVersion", 1);
    if (schema > SCHEMA_VERSION) {
      throw new NewerSchemaException(schema);
    }
    requireExactly(top, schema == 1 ? TOP_V1 : TOP, "state");
    long revision = RawJson.wholeNumber(top.get("revision"), "state.revision", 0);
    Map<Uuid, NetworkRecord> networks = new LinkedHashMap<>();
    List<String> elements = RawJson.elements(top.get("networks"), "state.networks");
    for (int i = 0; i < elements.size(); i++) {
      NetworkRecord network = network(elements.get(i), "state.networks[" + i + "]");
      if (networks.put(network.uuid(), network) != null) {
        throw new IllegalArgumentException("state.networks[" + i + "]: expected each network once, got "
            + network.uuid() + " again");
      }
    }
    Map<Uuid, ConsumedPassword> consumed = new LinkedHashMap<>();
    if (schema > 1) {
      List<String> tombstones = RawJson.elements(top.get("consumedPasswords"), "state.consumedPasswords");
      for (int i = 0; i < tombstones.size(); i++) {
        String path = "state.consumedPasswords[" + i + "]";
        Map<String, String> members = RawJson.members(tombstones.get(i), path);
        requireExactly(members, CONSUMED, path);
        Uuid nic = decoded(() -> Uuid.parse("nic", RawJson.string(members.get("nic"), path + ".nic")), path);
        ConsumedPassword tombstone = new ConsumedPassword(
            decoded(() -> Uuid.parse("network", RawJson.string(members.get("network"), path + ".network")), path),
            decoded(() -> PasswordAck.parse("sha256", RawJson.string(members.get("sha256"), path + ".sha256")), path),
            RawJson.wholeNumber(members.get("revision"), path + ".revision", 1));
        if (consumed.put(nic, tombstone) != null) {
          throw new IllegalArgumentException(path + ": expected each nic once, got " + nic + " again");
        }
      }
    }
    return new DesiredState(revision, networks, consumed);
  }

  private NetworkRecord network(String json, String path) {
    Map<String, String> members = RawJson.members(json, path);
    requireExactly(members, NETWORK, path);
    long revision = RawJson.wholeNumber(members.get("revision"), path + ".revision", 1);
    NetworkSpec spec = decoded(() -> codec.decodeNetworkSpec(members.get("spec")), path + ".spec");
    Map<Uuid, NicSpec> nics = new LinkedHashMap<>();
    List<String> elements = RawJson.elements(members.get("nics"), path + ".nics");
    for (int i = 0; i < elements.size(); i++) {
      String nicJson = elements.get(i);
      String nicPath = path + ".nics[" + i + "]";
      NicSpec nic = decoded(() -> codec.decodeNicSpec(nicJson), nicPath);
      if (nics.put(nic.uuid(), nic) != null) {
        throw new IllegalArgumentException(nicPath + ": expected each nic once, got " + nic.uuid() + " again");
      }
    }
    return new NetworkRecord(spec, nics, revision);
  }

  private static <T> T decoded(Supplier<T> decode, String path) {
    try {
      return decode.get();
    } catch (ValidationException e) {
      throw new IllegalArgumentException(path + (e.field().isEmpty() ? "" : "." + e.field()) + ": "
          + e.problem(), e);
    }
  }

  private static void requireExactly(Map<String, String> members, Set<String> names, String path) {
    for (String name : members.keySet()) {
      if (!names.contains(name)) {
        throw new IllegalArgumentException(path + ": expected only " + names + ", got \"" + name + "\"");
      }
    }
    for (String name : names) {
      if (!members.containsKey(name)) {
        throw new IllegalArgumentException(path + "." + name + ": expected a value, got none");
      }
    }
  }
}
