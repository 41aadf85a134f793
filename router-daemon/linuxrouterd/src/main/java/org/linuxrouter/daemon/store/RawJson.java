package org.linuxrouter.daemon.store;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linuxrouter.protocol.json.JsonText;

/**
 * Splits strict JSON into the raw text of its parts without building a tree, so the protocol codec sees each
 * embedded spec exactly as written (a tree would silently merge duplicate keys the codec must reject).
 */
final class RawJson {
  private RawJson() {
  }

  /** The members of a JSON object, name to raw value text, in file order; a repeated name is an error. */
  static Map<String, String> members(String json, String path) {
    try (JsonReader in = strict(json)) {
      expect(in, JsonToken.BEGIN_OBJECT, path);
      Map<String, String> members = new LinkedHashMap<>();
      in.beginObject();
      while (in.hasNext()) {
        String name = in.nextName();
        if (members.put(name, JsonText.copyValue(in)) != null) {
          throw new IllegalArgumentException(path + ": expected each member once, got \"" + name + "\" twice");
        }
      }
      in.endObject();
      end(in, path);
      return members;
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      throw new IllegalArgumentException(path + ": expected a JSON object, got invalid JSON (" + e.getMessage()
          + ")", e);
    }
  }

  /** The raw text of each element of a JSON array. */
  static List<String> elements(String json, String path) {
    try (JsonReader in = strict(json)) {
      expect(in, JsonToken.BEGIN_ARRAY, path);
      List<String> elements = new ArrayList<>();
      in.beginArray();
      while (in.hasNext()) {
        elements.add(JsonText.copyValue(in));
      }
      in.endArray();
      end(in, path);
      return elements;
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      throw new IllegalArgumentException(path + ": expected a JSON array, got invalid JSON (" + e.getMessage()
          + ")", e);
    }
  }

  /** A whole number from {@code min} up, written without fraction or exponent. */
  static long wholeNumber(String json, String path, long min) {
    if (!json.matches("0|[1-9][0-9]{0,17}") || Long.parseLong(json) < min) {
      throw new IllegalArgumentException(path + ": expected a whole number of " + min + " or more, got " + json);
    }
    return Long.parseLong(json);
  }

  /** A JSON string's value. */
  static String string(String json, String path) {
    if (json == null) {
      throw new IllegalArgumentException(path + ": expected a string, got none");
    }
    try (JsonReader in = strict(json)) {
      expect(in, JsonToken.STRING, path);
      String value = in.nextString();
      end(in, path);
      return value;
    } catch (IOException | IllegalStateException e) {
      throw new IllegalArgumentException(path + ": expected a string, got invalid JSON (" + e.getMessage() + ")", e);
    }
  }

  private static JsonReader strict(String json) {
    JsonReader in = new JsonReader(new StringReader(json));
    in.setLenient(false);
    return in;
  }

  private static void expect(JsonReader in, JsonToken token, String path) throws IOException {
    if (in.peek() != token) {
      throw new IllegalArgumentException(path + ": expected " + token + ", got " + in.peek());
    }
  }

  private static void end(JsonReader in, String path) throws IOException {
    if (in.peek() != JsonToken.END_DOCUMENT) {
      throw new IllegalArgumentException(path + ": expected nothing after the value, got " + in.peek());
    }
  }
}
