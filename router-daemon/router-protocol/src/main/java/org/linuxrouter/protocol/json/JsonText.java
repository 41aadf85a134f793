package org.linuxrouter.protocol.json;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Copies one JSON value from a reader to text without interpreting it, for envelopes (the daemon's state file,
 * lrctl's apply file) whose parts {@link JsonCodec} then decodes: duplicate keys stay duplicated and number literals
 * keep their exact spelling ({@code 1500.0}, {@code -0}), so the codec refuses exactly what it would refuse in the
 * original.
 */
public final class JsonText {
  private JsonText() {
  }

  /** The next value of {@code in} as compact JSON text. */
  public static String copyValue(JsonReader in) throws IOException {
    StringWriter text = new StringWriter();
    JsonWriter out = new JsonWriter(text);
    out.setHtmlSafe(false);
    out.setSerializeNulls(true);
    copy(in, out);
    out.flush();
    return text.toString();
  }

  private static void copy(JsonReader in, JsonWriter out) throws IOException {
    switch (in.peek()) {
      case BEGIN_OBJECT:
        in.beginObject();
        out.beginObject();
        while (in.hasNext()) {
          out.name(in.nextName());
          copy(in, out);
        }
        in.endObject();
        out.endObject();
        return;
      case BEGIN_ARRAY:
        in.beginArray();
        out.beginArray();
        while (in.hasNext()) {
          copy(in, out);
        }
        in.endArray();
        out.endArray();
        return;
      case STRING:
        out.value(in.nextString());
        return;
      case NUMBER:
        out.jsonValue(in.nextString()); // nextString() on a number is its literal text, written back unchanged
        return;
      case BOOLEAN:
        out.value(in.nextBoolean());
        return;
      case NULL:
        in.nextNull();
        out.nullValue();
        return;
      default:
        throw new IllegalStateException("json: expected a value, got " + in.peek() + " at " + in.getPath());
    }
  }
}
