package org.linuxrouter.protocol.json;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.linuxrouter.protocol.model.NetworkSpec;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.PasswordAck;
import org.linuxrouter.protocol.model.Plan;
import org.linuxrouter.protocol.model.Problem;
import org.linuxrouter.protocol.model.RouterStatus;
import org.linuxrouter.protocol.model.ValidationException;

/**
 * The one JSON codec of the contract, used by both the plugin and the daemon. Stateless and
 * thread-safe. Every {@code decode*} throws {@link ValidationException} with the JSON path of the
 * offending field ({@code body} for malformed JSON); see the package documentation for the rules.
 * Field names and forms are documented in {@code openapi.yaml}.
 */
public final class JsonCodec {
  /** Media type of request and success bodies. */
  public static final String JSON = "application/json";
  /** Media type of error bodies (RFC 9457). */
  public static final String PROBLEM_JSON = "application/problem+json";

  private interface Encoder<T> {
    void write(ModelWriter writer, T value) throws IOException;
  }

  public String encode(NetworkSpec spec) {
    return encode(spec, ModelWriter::networkSpec);
  }

  public String encode(NicSpec nic) {
    return encode(nic, ModelWriter::nicSpec);
  }

  public String encode(NetworkState state) {
    return encode(state, ModelWriter::networkState);
  }

  /** The body of {@code GET /v1/networks}: {@code {"networks": [...]}}. */
  public String encodeNetworkList(List<NetworkState> networks) {
    return encode(Collections.unmodifiableList(networks), ModelWriter::networkList);
  }

  public String encode(RouterStatus status) {
    return encode(status, ModelWriter::routerStatus);
  }

  /** The body of {@code GET /v1/plan}: {@code {"steps": [{"network": "", "action": "..."}]}}. */
  public String encode(Plan plan) {
    return encode(plan, ModelWriter::plan);
  }

  public String encode(Problem problem) {
    return encode(problem, ModelWriter::problem);
  }

  /** The body of {@code PUT .../nics/{nicUuid}/password-ack}: {@code {"sha256": "..."}}. */
  public String encode(PasswordAck ack) {
    return encode(ack, ModelWriter::passwordAck);
  }

  public NetworkSpec decodeNetworkSpec(String json) {
    return StrictReader.document(json, in -> new ModelReader(in).networkSpec(""));
  }

  public NicSpec decodeNicSpec(String json) {
    return StrictReader.document(json, in -> new ModelReader(in).nicSpec(""));
  }

  public NetworkState decodeNetworkState(String json) {
    return StrictReader.document(json, in -> new ModelReader(in).networkState(""));
  }

  public List<NetworkState> decodeNetworkList(String json) {
    return Collections.unmodifiableList(StrictReader.document(json, in -> new ModelReader(in).networkList("")));
  }

  public RouterStatus decodeRouterStatus(String json) {
    return StrictReader.document(json, in -> new ModelReader(in).routerStatus(""));
  }

  public Plan decodePlan(String json) {
    return StrictReader.document(json, in -> new ModelReader(in).plan(""));
  }

  public PasswordAck decodePasswordAck(String json) {
    return StrictReader.document(json, in -> new ModelReader(in).passwordAck(""));
  }

  public Problem decodeProblem(String json) {
    return StrictReader.document(json, in -> new ModelReader(in).problem(""));
  }

  private static <T> String encode(T value, Encoder<T> encoder) {
    Objects.requireNonNull(value, "value");
    StringWriter text = new StringWriter();
    try (JsonWriter out = new JsonWriter(text)) {
      // Not HTML-safe: bodies never end up in HTML, and \u003d-style escapes only make logs harder to read.
      out.setHtmlSafe(false);
      out.setLenient(false);
      encoder.write(new ModelWriter(out), value);
    } catch (IOException e) {
      throw new UncheckedIOException("json: expected to write to memory, got an i/o error", e);
    }
    return text.toString();
  }
}
