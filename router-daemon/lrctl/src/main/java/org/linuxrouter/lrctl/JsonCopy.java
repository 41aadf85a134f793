package org.linuxrouter.lrctl;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import org.linuxrouter.protocol.model.ValidationException;

/**
 * Copies one JSON value from a reader to text without interpreting it: duplicate keys stay duplicated and number
 * literals keep their exact spelling ({@code 1500.0}, {@code -0}), so the codec that decodes the copy refuses
 * exactly what it would refuse in the original.
 */
final class JsonCopy {
  private JsonCopy() {
  }

  /** The next value as compact JSON text. */
  static String value(JsonReader in) throws IOException {
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
      case BEGIN_OBJECT -> {
        in.beginObject();
        out.beginObject();
        while (in.hasNext()) {
          out.name(in.nextName());
          copy(in, out);
        }
        in.endObject();
        out.endObject();
      }
      case BEGIN_ARRAY -> {
        in.beginArray();
        out.beginArray();
        while (in.hasNext()) {
          copy(in, out);
        }
        in.endArray();
        out.endArray();
      }
      case STRING -> out.value(in.nextString());
      // nextString() on a number returns its literal text; jsonValue writes it back unchanged.
      case NUMBER -> out.jsonValue(in.nextString());
      case BOOLEAN -> out.value(in.nextBoolean());
      case NULL -> {
        in.nextNull();
        out.nullValue();
      }
      default -> throw new IllegalStateException("json: expected a value, got " + in.peek());
    }
  }

  /** Refuses anything but {@code token} next, naming {@code path}, in the codec's words. */
  static void expect(JsonReader in, String path, JsonToken token) throws IOException {
    JsonToken actual = in.peek();
    if (actual != token) {
      throw new ValidationException(path, "expected " + describe(token) + ", got " + describe(actual));
    }
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case BEGIN_OBJECT -> "an object";
      case BEGIN_ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case END_DOCUMENT -> "the end of the file";
      default -> token.name().toLowerCase(Locale.ROOT);
    };
  }
}
