package org.linuxrouter.lrctl;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.util.Locale;
import org.linuxrouter.protocol.json.JsonText;
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
    return JsonText.copyValue(in);
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
