package org.linuxrouter.lrctl;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NetworkStatus;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.ValidationException;

/**
 * What {@code lrctl apply -f FILE} reads: one network and the whole set of its NICs,
 * {@code {"network": {NetworkSpec}, "nics": [NicSpec, ...]}}, each part exactly as the protocol's codec writes
 * it. Both keys are required: a forgotten {@code nics} must not mean "delete every NIC".
 *
 * <p>Parsing is as strict as the daemon's: each part is decoded by {@link JsonCodec} itself (so an unknown field,
 * a duplicate key or {@code 1500.0} fails here as it would there), and errors name the path in the file, e.g.
 * {@code nics[1].mac}.
 */
record ApplyFile(NetworkSpec network, List<NicSpec> nics) {
  private static final Pattern POSITION = Pattern.compile("line (\\d+) column (\\d+)");

  ApplyFile {
    Objects.requireNonNull(network, "network");
    nics = List.copyOf(nics);
  }

  /** Parses the file's text; throws {@link ValidationException} naming the JSON path of the first problem. */
  static ApplyFile parse(String text) {
    JsonReader in = new JsonReader(new StringReader(text));
    in.setLenient(false);
    try {
      ApplyFile file = document(in, new JsonCodec());
      if (in.peek() != JsonToken.END_DOCUMENT) {
        throw new ValidationException("body", "expected one json object, got more after it");
      }
      return file;
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      Matcher at = POSITION.matcher(String.valueOf(e.getMessage()));
      String where = at.find() ? " at line " + at.group(1) + " column " + at.group(2) : "";
      ValidationException syntax = new ValidationException("body",
          "expected well-formed json (rfc 8259), got a syntax error" + where);
      syntax.initCause(e);
      throw syntax;
    }
  }

  private static ApplyFile document(JsonReader in, JsonCodec codec) throws IOException {
    JsonCopy.expect(in, "body", JsonToken.BEGIN_OBJECT);
    in.beginObject();
    NetworkSpec network = null;
    List<NicSpec> nics = null;
    Set<String> seen = new HashSet<>();
    while (in.hasNext()) {
      String name = in.nextName();
      if (!seen.add(name)) {
        throw new ValidationException(name, "expected each field once, got a duplicate key");
      }
      switch (name) {
        case "network" -> network = part(in, "network", codec::decodeNetworkSpec);
        case "nics" -> nics = nics(in, codec);
        default -> throw new ValidationException(name, "expected only the fields network, nics, got an unknown field");
      }
    }
    in.endObject();
    if (network == null) {
      throw new ValidationException("network", "expected a value, got none");
    }
    if (nics == null) {
      throw new ValidationException("nics", "expected a value (an empty list removes every nic), got none");
    }
    requireConsistent(network, nics);
    return new ApplyFile(network, nics);
  }

  private static List<NicSpec> nics(JsonReader in, JsonCodec codec) throws IOException {
    JsonCopy.expect(in, "nics", JsonToken.BEGIN_ARRAY);
    List<NicSpec> nics = new ArrayList<>();
    in.beginArray();
    while (in.hasNext()) {
      nics.add(part(in, "nics[" + nics.size() + "]", codec::decodeNicSpec));
    }
    in.endArray();
    return nics;
  }

  /** One object of the file, copied token by token and decoded by the codec; errors are moved under {@code path}. */
  private static <T> T part(JsonReader in, String path, Function<String, T> decode) throws IOException {
    JsonCopy.expect(in, path, JsonToken.BEGIN_OBJECT);
    String json = JsonCopy.value(in);
    try {
      return decode.apply(json);
    } catch (ValidationException e) {
      throw e.under(path);
    }
  }

  /**
   * The rules the daemon applies to a network's NICs as a whole (distinct uuids, MACs and addresses), checked
   * before anything is sent, so a file the daemon would refuse halfway through changes nothing. NetworkState owns
   * those rules; the status is a placeholder it requires.
   */
  private static void requireConsistent(NetworkSpec network, List<NicSpec> nics) {
    NetworkState.builder().spec(network).nics(nics)
        .status(NetworkStatus.builder().desiredRevision(1).build()).build();
  }
}
